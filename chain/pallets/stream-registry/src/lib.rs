//! # Stream registry
//!
//! Creators register the streams viewers pay for. A stream has a creator, descriptive text, a
//! pricing model and an active flag; ids are `u128` counting up from 1. Other pallets read streams
//! through [`Pallet::stream`] and count viewers through [`Pallet::adjust_viewer_count`].

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;
pub use types::*;

mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::weights::WeightInfo;
	use frame_support::pallet_prelude::*;
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
		/// Longest stream title, in bytes.
		#[pallet::constant]
		type MaxTitleLen: Get<u32>;
		/// Longest stream description, in bytes.
		#[pallet::constant]
		type MaxDescriptionLen: Get<u32>;
		/// Longest category name, in bytes.
		#[pallet::constant]
		type MaxCategoryLen: Get<u32>;
		/// Most streams one creator may register.
		#[pallet::constant]
		type MaxStreamsPerCreator: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Everything known about a stream, by id.
	#[pallet::storage]
	pub type StreamInfo<T: Config> = StorageMap<_, Blake2_128Concat, StreamId, StreamMetadataOf<T>>;

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
	}

	/// A genesis stream: creator, title, description, category, pricing model; registered active.
	pub type GenesisStream<T> = (
		<T as frame_system::Config>::AccountId,
		alloc::vec::Vec<u8>,
		alloc::vec::Vec<u8>,
		alloc::vec::Vec<u8>,
		PricingModel<<T as Config>::Balance>,
	);

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Streams registered at genesis, in id order from 1.
		pub streams: alloc::vec::Vec<GenesisStream<T>>,
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
				.expect("genesis streams must be valid");
			}
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a stream owned by the signer. It starts active, with no viewers.
		///
		/// Emits `StreamRegistered`. Fails with `TitleTooLong`, `DescriptionTooLong`,
		/// `CategoryTooLong`, `InvalidPricingModel` or `TooManyStreams`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_stream(
			title.len() as u32 + description.len() as u32 + category.len() as u32
		))]
		pub fn register_stream(
			origin: OriginFor<T>,
			title: alloc::vec::Vec<u8>,
			description: alloc::vec::Vec<u8>,
			category: alloc::vec::Vec<u8>,
			pricing_model: PricingModel<T::Balance>,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			Self::do_register(creator, title, description, category, pricing_model).map(|_| ())
		}

		/// Start (`is_active = true`) or stop a stream. Viewers are billed only while it is active.
		///
		/// Creator only. Emits `StreamStatusUpdated`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_stream_status())]
		pub fn update_stream_status(
			origin: OriginFor<T>,
			stream_id: StreamId,
			is_active: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			StreamInfo::<T>::try_mutate(stream_id, |stream| {
				let stream = stream.as_mut().ok_or(Error::<T>::StreamNotFound)?;
				ensure!(stream.creator == who, Error::<T>::Unauthorized);
				stream.is_active = is_active;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::StreamStatusUpdated { stream_id, is_active });
			Ok(())
		}

		/// Replace a stream's pricing model. Viewers protect themselves from rises with the
		/// `max_rate_per_minute` they tick with.
		///
		/// Creator only. Emits `PricingUpdated`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::update_pricing())]
		pub fn update_pricing(
			origin: OriginFor<T>,
			stream_id: StreamId,
			pricing_model: PricingModel<T::Balance>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(pricing_model.is_valid(), Error::<T>::InvalidPricingModel);
			StreamInfo::<T>::try_mutate(stream_id, |stream| {
				let stream = stream.as_mut().ok_or(Error::<T>::StreamNotFound)?;
				ensure!(stream.creator == who, Error::<T>::Unauthorized);
				stream.pricing_model = pricing_model.clone();
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::PricingUpdated { stream_id, pricing_model });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Validates and stores a new stream; returns its id.
		pub fn do_register(
			creator: T::AccountId,
			title: alloc::vec::Vec<u8>,
			description: alloc::vec::Vec<u8>,
			category: alloc::vec::Vec<u8>,
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
			NextStreamId::<T>::put(next);
			StreamInfo::<T>::insert(
				stream_id,
				StreamMetadata {
					creator: creator.clone(),
					title: title.clone(),
					description,
					category,
					pricing_model,
					created_at: frame_system::Pallet::<T>::block_number(),
					is_active: true,
					viewer_count: 0,
				},
			);
			Self::deposit_event(Event::StreamRegistered { stream_id, creator, title });
			Ok(stream_id)
		}

		/// The stream with this id, if any.
		pub fn stream(stream_id: StreamId) -> Option<StreamMetadataOf<T>> {
			StreamInfo::<T>::get(stream_id)
		}

		/// Counts a viewer in (`joined = true`) or out of a stream's `viewer_count`.
		pub fn adjust_viewer_count(stream_id: StreamId, joined: bool) {
			StreamInfo::<T>::mutate(stream_id, |stream| {
				if let Some(stream) = stream {
					stream.viewer_count = if joined {
						stream.viewer_count.saturating_add(1)
					} else {
						stream.viewer_count.saturating_sub(1)
					};
				}
			});
		}
	}
}

extern crate alloc;
