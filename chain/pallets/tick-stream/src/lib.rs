//! # Tick stream
//!
//! Viewers join a stream, then record the seconds they watch it as ticks. Each `record_tick` both
//! records the seconds and pays for them through the payment handler, in one call: a tick without
//! its payment, or a payment without its tick, cannot happen.
//!
//! Money rules (see `docs/chain.md`): a call for `n` ticks at rate `r` per minute charges
//! `floor((n × r + carry) / 60)` and keeps the remainder as the session's `carry`, so a viewer has
//! paid exactly `floor(total_ticks × r / 60)` at a constant rate, and nothing is lost or charged
//! twice across rate changes. A viewer can never be charged for more seconds than have passed on
//! chain since joining, plus `TickSlackSeconds`. While a viewer holds a subscription to the stream
//! (`PaymentHandler.subscribe`), their seconds are recorded and not charged.

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

#[frame_support::pallet]
pub mod pallet {
	use crate::weights::WeightInfo;
	use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use pallet_payment_handler::BalanceOf;
	use pallet_stream_registry::StreamId;
	use scale_info::TypeInfo;
	use sp_runtime::{
		traits::{CheckedAdd, CheckedMul, Saturating, UniqueSaturatedInto, Zero},
		ArithmeticError,
	};

	/// Seconds per minute: rates are per minute, ticks are seconds.
	const SECONDS_PER_MINUTE: u32 = 60;

	/// A viewer's state in a stream they joined.
	#[derive(
		Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
	)]
	pub struct ViewerSession<Balance> {
		/// When the viewer joined, in milliseconds of chain time (pallet-timestamp).
		pub joined_at: u64,
		/// Seconds recorded since joining.
		pub ticks: u64,
		/// Total charged for those seconds.
		pub paid: Balance,
		/// `ticks × rate` not yet charged because it is less than a whole unit per 60: always < 60.
		pub carry: Balance,
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>>
		+ pallet_stream_registry::Config
		+ pallet_payment_handler::Config
		+ pallet_timestamp::Config
	{
		/// Most seconds one `record_tick` may record (settling seconds queued while offline).
		#[pallet::constant]
		type MaxTicksPerCall: Get<u32>;
		/// Seconds a viewer may record beyond the chain time elapsed since joining: ticks sent right
		/// after `join_stream` can land in the same block as the join.
		#[pallet::constant]
		type TickSlackSeconds: Get<u64>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Seconds watched of each stream, all viewers together.
	#[pallet::storage]
	pub type TickCount<T: Config> = StorageMap<_, Blake2_128Concat, StreamId, u64, ValueQuery>;

	/// Each joined viewer's session, by stream and viewer.
	#[pallet::storage]
	pub type Sessions<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		StreamId,
		Blake2_128Concat,
		T::AccountId,
		ViewerSession<BalanceOf<T>>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A viewer joined a stream.
		ViewerJoined { stream_id: StreamId, viewer: T::AccountId },
		/// A viewer left a stream.
		ViewerLeft { stream_id: StreamId, viewer: T::AccountId },
		/// A viewer recorded `ticks` watched seconds and paid `amount` for them.
		TickRecorded { stream_id: StreamId, viewer: T::AccountId, ticks: u32, amount: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No stream has this id.
		StreamNotFound,
		/// The stream is stopped: nobody can join it or be billed for it.
		StreamNotActive,
		/// The viewer has not joined this stream.
		NotJoined,
		/// Ticks must be between 1 and `MaxTicksPerCall`.
		InvalidTickCount,
		/// The stream's rate is above the most the viewer agreed to pay.
		RateAboveLimit,
		/// More seconds than have passed on chain since joining (plus `TickSlackSeconds`).
		TicksExceedElapsedTime,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Join an active stream as the signer. Joining again while joined changes nothing.
		///
		/// Emits `ViewerJoined` and counts the viewer in the stream's `viewer_count`.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::join_stream())]
		pub fn join_stream(origin: OriginFor<T>, stream_id: StreamId) -> DispatchResult {
			let viewer = ensure_signed(origin)?;
			let stream = pallet_stream_registry::Pallet::<T>::stream(stream_id)
				.ok_or(Error::<T>::StreamNotFound)?;
			ensure!(stream.is_active, Error::<T>::StreamNotActive);
			if Sessions::<T>::contains_key(stream_id, &viewer) {
				return Ok(());
			}
			Sessions::<T>::insert(
				stream_id,
				&viewer,
				ViewerSession {
					joined_at: Self::now_ms(),
					ticks: 0,
					paid: Zero::zero(),
					carry: Zero::zero(),
				},
			);
			pallet_stream_registry::Pallet::<T>::adjust_viewer_count(stream_id, true);
			Self::deposit_event(Event::ViewerJoined { stream_id, viewer });
			Ok(())
		}

		/// Leave a stream. A carry of less than one unit is forgiven.
		///
		/// Emits `ViewerLeft`. Fails with `NotJoined`.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::leave_stream())]
		pub fn leave_stream(origin: OriginFor<T>, stream_id: StreamId) -> DispatchResult {
			let viewer = ensure_signed(origin)?;
			Sessions::<T>::take(stream_id, &viewer).ok_or(Error::<T>::NotJoined)?;
			pallet_stream_registry::Pallet::<T>::adjust_viewer_count(stream_id, false);
			Self::deposit_event(Event::ViewerLeft { stream_id, viewer });
			Ok(())
		}

		/// Record `ticks` seconds the signer watched and pay for them at the stream's current
		/// rate, which must not be above `max_rate_per_minute` (the rate the viewer agreed to).
		/// A subscriber's seconds are recorded without charge (`amount` 0).
		///
		/// Emits `PaymentProcessed` (when the amount is above zero) and `TickRecorded`. Fails with
		/// `InvalidTickCount`, `NotJoined`, `StreamNotFound`, `StreamNotActive`, `RateAboveLimit`,
		/// `TicksExceedElapsedTime` or the payment's `InsufficientFunds`; nothing changes on failure.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::record_tick())]
		pub fn record_tick(
			origin: OriginFor<T>,
			stream_id: StreamId,
			ticks: u32,
			max_rate_per_minute: BalanceOf<T>,
		) -> DispatchResult {
			let viewer = ensure_signed(origin)?;
			ensure!(ticks >= 1 && ticks <= T::MaxTicksPerCall::get(), Error::<T>::InvalidTickCount);
			let mut session = Sessions::<T>::get(stream_id, &viewer).ok_or(Error::<T>::NotJoined)?;
			let stream = pallet_stream_registry::Pallet::<T>::stream(stream_id)
				.ok_or(Error::<T>::StreamNotFound)?;
			ensure!(stream.is_active, Error::<T>::StreamNotActive);
			let subscribed = pallet_payment_handler::Pallet::<T>::is_subscribed(stream_id, &viewer);
			let rate = stream.pricing_model.base_rate_per_minute;
			ensure!(subscribed || rate <= max_rate_per_minute, Error::<T>::RateAboveLimit);

			let elapsed_secs = Self::now_ms().saturating_sub(session.joined_at) / 1000;
			let recorded = session.ticks.saturating_add(ticks as u64);
			ensure!(
				recorded <= elapsed_secs.saturating_add(T::TickSlackSeconds::get()),
				Error::<T>::TicksExceedElapsedTime
			);

			let amount = if subscribed {
				Zero::zero()
			} else {
				let owed = rate
					.checked_mul(&BalanceOf::<T>::from(ticks))
					.and_then(|cost| cost.checked_add(&session.carry))
					.ok_or(ArithmeticError::Overflow)?;
				let per_minute = BalanceOf::<T>::from(SECONDS_PER_MINUTE);
				session.carry = owed % per_minute;
				owed / per_minute
			};
			if !amount.is_zero() {
				pallet_payment_handler::Pallet::<T>::pay_into_stream(&viewer, stream_id, amount)?;
			}

			session.ticks = recorded;
			session.paid = session.paid.saturating_add(amount);
			Sessions::<T>::insert(stream_id, &viewer, session);
			TickCount::<T>::mutate(stream_id, |count| *count = count.saturating_add(ticks as u64));
			Self::deposit_event(Event::TickRecorded { stream_id, viewer, ticks, amount });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		fn now_ms() -> u64 {
			pallet_timestamp::Pallet::<T>::get().unique_saturated_into()
		}
	}
}
