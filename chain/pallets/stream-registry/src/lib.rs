//! # Stream registry
//!
//! Creators register the streams viewers pay for. A stream has a creator, descriptive text, a
//! pricing model and an active flag; ids are `u128` counting up from 1. What billing reads every
//! second — the pricing model and the active flag — is stored apart ([`StreamTerms`]) from the
//! text and owner ([`StreamInfo`]). Registering holds a deposit from the creator for the storage
//! the stream takes; `remove_stream` gives it back once nothing refers to the stream.
//!
//! Other pallets read streams through [`Pallet::terms`] and [`Pallet::creator`].

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;
pub use types::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

extern crate alloc;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::weights::WeightInfo;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Mutate, MutateHold},
			tokens::Precision,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{AtLeast32BitUnsigned, MaybeSerializeDeserialize};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The balance type prices are expressed in (the chain's native token).
		type Balance: Parameter
			+ Member
			+ AtLeast32BitUnsigned
			+ Copy
			+ MaxEncodedLen
			+ Default
			+ MaybeSerializeDeserialize;
		/// The chain's native currency: what streams are paid in and deposits are held in. The
		/// other Vilokanam pallets use it too.
		type Currency: Mutate<Self::AccountId, Balance = Self::Balance>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason, Balance = Self::Balance>;
		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;
		/// Held from a creator for each stream they register, for the storage it takes.
		#[pallet::constant]
		type StreamDeposit: Get<Self::Balance>;
		/// Whether another pallet still refers to a stream (open sessions, unwithdrawn earnings).
		type StreamInUse: StreamInUse;
		/// Longest stream title, in bytes.
		#[pallet::constant]
		type MaxTitleLen: Get<u32>;
		/// Longest stream description, in bytes.
		#[pallet::constant]
		type MaxDescriptionLen: Get<u32>;
		/// Longest category name, in bytes.
		#[pallet::constant]
		type MaxCategoryLen: Get<u32>;
		/// Most streams one creator may have registered at once.
		#[pallet::constant]
		type MaxStreamsPerCreator: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A creator's deposit for a registered stream.
		StreamDeposit,
	}

	/// Who owns each stream and how it describes itself, by id.
	#[pallet::storage]
	pub type StreamInfo<T: Config> = StorageMap<_, Blake2_128Concat, StreamId, StreamDetailsOf<T>>;

	/// Each stream's pricing and whether it is active: what billing reads.
	#[pallet::storage]
	pub type Terms<T: Config> = StorageMap<_, Blake2_128Concat, StreamId, StreamTerms<T::Balance>>;

	/// The ids of the streams each creator registered, oldest first.
	#[pallet::storage]
	pub type CreatorStreams<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<StreamId, T::MaxStreamsPerCreator>,
		ValueQuery,
	>;

	/// The id the next registered stream gets.
	#[pallet::storage]
	pub type NextStreamId<T: Config> = StorageValue<_, StreamId, ValueQuery, FirstStreamId>;

	/// Ids start at 1 so that 0 never names a stream.
	#[pallet::type_value]
	pub fn FirstStreamId() -> StreamId {
		1
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A creator registered a new stream.
		StreamRegistered { stream_id: StreamId, creator: T::AccountId, title: TitleOf<T> },
		/// A creator started (`is_active`) or stopped a stream.
		StreamStatusUpdated { stream_id: StreamId, is_active: bool },
		/// A creator changed a stream's prices.
		PricingUpdated { stream_id: StreamId, pricing_model: PricingModel<T::Balance> },
		/// A creator removed a stopped stream and got its deposit back.
		StreamRemoved { stream_id: StreamId, creator: T::AccountId, deposit: T::Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The title is longer than `MaxTitleLen` bytes.
		TitleTooLong,
		/// The description is longer than `MaxDescriptionLen` bytes.
		DescriptionTooLong,
		/// The category is longer than `MaxCategoryLen` bytes.
		CategoryTooLong,
		/// A rate of zero, or a subscription offered without a price.
		InvalidPricingModel,
		/// No stream has this id.
		StreamNotFound,
		/// Only the stream's creator may do this.
		Unauthorized,
		/// The creator already has `MaxStreamsPerCreator` streams.
		TooManyStreams,
		/// Stream ids are exhausted.
		StreamIdOverflow,
		/// The creator cannot set aside the stream deposit.
		InsufficientDeposit,
		/// Only a stopped stream can be removed.
		StreamStillActive,
		/// Viewers are still joined, or earnings are still to be withdrawn.
		StreamInUse,
	}

	/// A genesis stream: creator, title, description, category, pricing model; registered active.
	pub type GenesisStream<T> = (
		<T as frame_system::Config>::AccountId,
		Vec<u8>,
		Vec<u8>,
		Vec<u8>,
		PricingModel<<T as Config>::Balance>,
	);

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Streams registered at genesis, in id order from 1; their creators must be endowed.
		pub streams: Vec<GenesisStream<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (creator, title, description, category, pricing_model) in &self.streams {
				Pallet::<T>::do_register(
					creator.clone(),
					title.clone(),
					description.clone(),
					category.clone(),
					pricing_model.clone(),
				)
				.expect("genesis streams must be valid and their creators endowed");
			}
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a stream owned by the signer. It starts active, with no viewers, and holds
		/// `StreamDeposit` from the signer until it is removed.
		///
		/// Emits `StreamRegistered`. Fails with `TitleTooLong`, `DescriptionTooLong`,
		/// `CategoryTooLong`, `InvalidPricingModel`, `TooManyStreams` or `InsufficientDeposit`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_stream(
			title.len() as u32 + description.len() as u32 + category.len() as u32
		))]
		pub fn register_stream(
			origin: OriginFor<T>,
			title: Vec<u8>,
			description: Vec<u8>,
			category: Vec<u8>,
			pricing_model: PricingModel<T::Balance>,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			Self::do_register(creator, title, description, category, pricing_model).map(|_| ())
		}

		/// Start (`is_active = true`) or stop a stream. Viewers are billed only while it is
		/// active; once it stops, their sessions can be closed by anyone (`TickStream`).
		///
		/// Creator only. Emits `StreamStatusUpdated`. Fails with `StreamNotFound` or `Unauthorized`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_stream_status())]
		pub fn update_stream_status(
			origin: OriginFor<T>,
			stream_id: StreamId,
			is_active: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_creator(stream_id, &who)?;
			Terms::<T>::mutate_extant(stream_id, |terms| terms.is_active = is_active);
			Self::deposit_event(Event::StreamStatusUpdated { stream_id, is_active });
			Ok(())
		}

		/// Replace a stream's pricing model. Viewers protect themselves from rises with the
		/// `max_rate_per_minute` they join and tick with.
		///
		/// Creator only. Emits `PricingUpdated`. Fails with `InvalidPricingModel`,
		/// `StreamNotFound` or `Unauthorized`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::update_pricing())]
		pub fn update_pricing(
			origin: OriginFor<T>,
			stream_id: StreamId,
			pricing_model: PricingModel<T::Balance>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(pricing_model.is_valid(), Error::<T>::InvalidPricingModel);
			Self::ensure_creator(stream_id, &who)?;
			Terms::<T>::mutate_extant(stream_id, |terms| terms.pricing_model = pricing_model.clone());
			Self::deposit_event(Event::PricingUpdated { stream_id, pricing_model });
			Ok(())
		}

		/// Remove a stopped stream nothing refers to any more (no joined viewer, nothing left
		/// to withdraw) and release its deposit. Its id is never handed out again.
		///
		/// Creator only. Emits `StreamRemoved`. Fails with `StreamNotFound`, `Unauthorized`,
		/// `StreamStillActive` or `StreamInUse`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_stream())]
		pub fn remove_stream(origin: OriginFor<T>, stream_id: StreamId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let details = Self::ensure_creator(stream_id, &who)?;
			let active = Terms::<T>::get(stream_id).is_some_and(|terms| terms.is_active);
			ensure!(!active, Error::<T>::StreamStillActive);
			ensure!(!T::StreamInUse::in_use(stream_id), Error::<T>::StreamInUse);
			StreamInfo::<T>::remove(stream_id);
			Terms::<T>::remove(stream_id);
			CreatorStreams::<T>::mutate(&who, |ids| ids.retain(|id| *id != stream_id));
			T::Currency::release(
				&HoldReason::StreamDeposit.into(),
				&who,
				details.deposit,
				Precision::BestEffort,
			)?;
			Self::deposit_event(Event::StreamRemoved { stream_id, creator: who, deposit: details.deposit });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Validates and stores a new stream, holding its deposit; returns its id.
		pub fn do_register(
			creator: T::AccountId,
			title: Vec<u8>,
			description: Vec<u8>,
			category: Vec<u8>,
			pricing_model: PricingModel<T::Balance>,
		) -> Result<StreamId, DispatchError> {
			let title: TitleOf<T> = title.try_into().map_err(|_| Error::<T>::TitleTooLong)?;
			let description: BoundedVec<u8, T::MaxDescriptionLen> =
				description.try_into().map_err(|_| Error::<T>::DescriptionTooLong)?;
			let category: BoundedVec<u8, T::MaxCategoryLen> =
				category.try_into().map_err(|_| Error::<T>::CategoryTooLong)?;
			ensure!(pricing_model.is_valid(), Error::<T>::InvalidPricingModel);

			let stream_id = NextStreamId::<T>::get();
			let next = stream_id.checked_add(1).ok_or(Error::<T>::StreamIdOverflow)?;
			CreatorStreams::<T>::try_mutate(&creator, |ids| ids.try_push(stream_id))
				.map_err(|_| Error::<T>::TooManyStreams)?;
			let deposit = T::StreamDeposit::get();
			T::Currency::hold(&HoldReason::StreamDeposit.into(), &creator, deposit)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
			NextStreamId::<T>::put(next);
			Terms::<T>::insert(stream_id, StreamTerms { pricing_model, is_active: true });
			StreamInfo::<T>::insert(
				stream_id,
				StreamDetails {
					creator: creator.clone(),
					title: title.clone(),
					description,
					category,
					created_at: frame_system::Pallet::<T>::block_number(),
					deposit,
				},
			);
			Self::deposit_event(Event::StreamRegistered { stream_id, creator, title });
			Ok(stream_id)
		}

		/// The billing terms of the stream with this id, if any.
		pub fn terms(stream_id: StreamId) -> Option<StreamTerms<T::Balance>> {
			Terms::<T>::get(stream_id)
		}

		/// Who registered the stream with this id, if any.
		pub fn creator(stream_id: StreamId) -> Option<T::AccountId> {
			StreamInfo::<T>::get(stream_id).map(|details| details.creator)
		}

		/// The stream's details if `who` registered it; `StreamNotFound` or `Unauthorized` else.
		fn ensure_creator(
			stream_id: StreamId,
			who: &T::AccountId,
		) -> Result<StreamDetailsOf<T>, DispatchError> {
			let details = StreamInfo::<T>::get(stream_id).ok_or(Error::<T>::StreamNotFound)?;
			ensure!(details.creator == *who, Error::<T>::Unauthorized);
			Ok(details)
		}
	}
}
