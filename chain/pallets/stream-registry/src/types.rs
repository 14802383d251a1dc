//! The stream registry's data types.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::traits::Zero;

/// Streams are numbered from 1.
pub type StreamId = u128;

/// What a stream costs. Rates are in the chain's smallest unit per minute watched.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	frame_support::Serialize,
	frame_support::Deserialize,
)]
#[serde(crate = "frame_support::__private::serde")]
pub struct PricingModel<Balance> {
	/// What a viewer pays per minute watched, charged per second.
	pub base_rate_per_minute: Balance,
	/// A higher rate for premium viewing, if the stream offers one.
	pub premium_rate_per_minute: Option<Balance>,
	/// Whether viewers may buy a subscription instead of paying per second.
	pub subscription_available: bool,
	/// The subscription's price, required when one is available.
	pub subscription_price: Option<Balance>,
}

impl<Balance: Zero + Copy> PricingModel<Balance> {
	/// Every rate is above zero, and a subscription on offer has a price above zero.
	pub fn is_valid(&self) -> bool {
		let positive = |b: Option<Balance>| b.map_or(true, |b| !b.is_zero());
		!self.base_rate_per_minute.is_zero() &&
			positive(self.premium_rate_per_minute) &&
			positive(self.subscription_price) &&
			(!self.subscription_available || self.subscription_price.is_some())
	}
}

/// What viewers are billed by, read on every settlement: kept apart from the stream's text so
/// that the per-second path reads (and proves) a few dozen bytes, not a kilobyte of description.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct StreamTerms<Balance> {
	pub pricing_model: PricingModel<Balance>,
	/// Viewers are billed only while a stream is active.
	pub is_active: bool,
}

/// Who owns a stream and how it describes itself: read by pages and by creator-only calls.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
#[scale_info(skip_type_params(MaxTitle, MaxDescription, MaxCategory))]
pub struct StreamDetails<AccountId, Balance, BlockNumber, MaxTitle, MaxDescription, MaxCategory>
where
	MaxTitle: Get<u32>,
	MaxDescription: Get<u32>,
	MaxCategory: Get<u32>,
{
	/// Who registered the stream and receives its earnings.
	pub creator: AccountId,
	pub title: BoundedVec<u8, MaxTitle>,
	pub description: BoundedVec<u8, MaxDescription>,
	pub category: BoundedVec<u8, MaxCategory>,
	/// The block it was registered in.
	pub created_at: BlockNumber,
	/// Held from the creator while the stream exists; returned by `remove_stream`.
	pub deposit: Balance,
}

/// A stream title as stored.
pub type TitleOf<T> = BoundedVec<u8, <T as Config>::MaxTitleLen>;

/// [`StreamDetails`] for a runtime.
pub type StreamDetailsOf<T> = StreamDetails<
	<T as frame_system::Config>::AccountId,
	<T as Config>::Balance,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxTitleLen,
	<T as Config>::MaxDescriptionLen,
	<T as Config>::MaxCategoryLen,
>;

/// Whether anything still refers to a stream, so that it may not be removed yet: open viewer
/// sessions (tick stream), unwithdrawn earnings (payment handler). Tuples ask each in turn.
pub trait StreamInUse {
	fn in_use(stream_id: StreamId) -> bool;
}

#[impl_trait_for_tuples::impl_for_tuples(8)]
impl StreamInUse for Tuple {
	fn in_use(stream_id: StreamId) -> bool {
		for_tuples!( #( if Tuple::in_use(stream_id) { return true; } )* );
		false
	}
}
