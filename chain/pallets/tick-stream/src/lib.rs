//! # Tick stream
//!
//! Viewers join a stream, then settle the seconds they watch it with `record_tick`: one call per
//! second while the chain has room, one call per [`SettlementInterval`] seconds when it is busy —
//! the chain publishes the interval from its load, and billing is exact to the second either way.
//!
//! ## Held sessions
//! Joining holds a session deposit (for the session's storage) and the viewer's funds for the next
//! `HeldSeconds` of watching at the most they agreed to pay per minute. Each settlement charges
//! `floor((ticks × rate + carry) / 60)` against that hold and writes only the viewer's session:
//! the money stays on hold, owed to the stream, until `FlushSeconds` of settled seconds have
//! gathered, when it moves into the stream's escrow (`PaymentHandler.StreamEarnings`), the stream's
//! totals are updated, and the hold is refilled. So every reported second is backed by held funds,
//! the stream-wide aggregates are written once per flush instead of once per settlement, and a
//! creator sees settled seconds in escrow at most `FlushSeconds` of watching after the fact.
//! Leaving, a stopped stream (`close_session` by anyone) or a session idle past
//! `SessionIdleTimeout` (likewise) flushes what is owed and releases the rest.
//!
//! ## Money rules (docs/chain.md)
//! A viewer has paid exactly `floor(total_ticks × rate / 60)` at a constant rate; nothing is lost
//! or charged twice across rate changes (the carry is always < 60). While a viewer holds a
//! subscription to the stream (`PaymentHandler.subscribe`), their seconds are recorded and not
//! charged.
//!
//! ## Elapsed-time guard
//! Settled seconds may run ahead of chain time by at most `TickSlackSeconds`, and a session banks
//! at most `MaxSettlementInterval` seconds of allowance while it settles nothing: the guard counts
//! from the last settlement, not from the join.

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

#[frame_support::pallet]
pub mod pallet {
	use crate::weights::WeightInfo;
	use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
	use frame_support::{
		dispatch::PostDispatchInfo,
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, MutateHold},
			tokens::{Fortitude, Precision, Preservation},
		},
	};
	use frame_system::pallet_prelude::*;
	use pallet_payment_handler::{BalanceOf, CurrencyOf, OnSubscribed};
	use pallet_stream_registry::{StreamId, StreamInUse};
	use scale_info::TypeInfo;
	use sp_runtime::{
		traits::{CheckedAdd, CheckedMul, Saturating, UniqueSaturatedInto, Zero},
		ArithmeticError,
	};

	/// Seconds per minute: rates are per minute, ticks are seconds.
	const SECONDS_PER_MINUTE: u32 = 60;
	const MS_PER_SECOND: u64 = 1000;

	/// A viewer's state in a stream they joined.
	#[derive(
		Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
	)]
	pub struct ViewerSession<Balance> {
		/// The most the viewer agreed to pay per minute; the hold is sized by it.
		pub max_rate_per_minute: Balance,
		/// The guard's clock, in ms of chain time: the end of the seconds settled so far.
		pub billed_until: u64,
		/// When the viewer last settled (or joined), in ms of chain time.
		pub last_settled_at: u64,
		/// Seconds settled since joining.
		pub ticks: u64,
		/// Total charged for those seconds (in escrow or still owed from the hold).
		pub paid: Balance,
		/// `ticks × rate` not yet charged because it is less than a whole unit per 60: always < 60.
		pub carry: Balance,
		/// Charged but still on hold: moves to the stream's escrow at the next flush.
		pub owed: Balance,
		/// Seconds settled since the last flush.
		pub unflushed_ticks: u32,
		/// The viewer's funds on hold for this session (always ≥ `owed`).
		pub held: Balance,
		/// The session deposit held for this session's storage.
		pub deposit: Balance,
		/// When the viewer's subscription to the stream ends (ms), 0 without one.
		pub subscribed_until: u64,
	}

	/// A stream's viewers and the seconds flushed into its escrow, all viewers together.
	#[derive(
		Clone,
		PartialEq,
		Eq,
		Default,
		Encode,
		Decode,
		DecodeWithMemTracking,
		MaxEncodedLen,
		TypeInfo,
		Debug,
	)]
	pub struct StreamTotals {
		/// Viewers joined now.
		pub viewers: u32,
		/// Seconds settled and flushed into escrow (add the open sessions' `unflushed_ticks` for
		/// every second settled).
		pub seconds: u64,
	}

	/// Why a session was closed by someone other than its viewer.
	#[derive(
		Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
	)]
	pub enum CloseReason {
		/// The stream was stopped or removed.
		StreamStopped,
		/// Nothing was settled for `SessionIdleTimeout`.
		Idle,
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>>
		+ pallet_stream_registry::Config<RuntimeHoldReason: From<HoldReason>>
		+ pallet_payment_handler::Config
		+ pallet_timestamp::Config
	{
		/// Most seconds one `record_tick` may settle.
		#[pallet::constant]
		type MaxTicksPerCall: Get<u32>;
		/// Seconds settled seconds may run ahead of chain time: settlements sent right after
		/// `join_stream`, or several in one block, land before chain time catches up.
		#[pallet::constant]
		type TickSlackSeconds: Get<u64>;
		/// Seconds of watching, at the agreed maximum rate, that a session keeps on hold.
		#[pallet::constant]
		type HeldSeconds: Get<u32>;
		/// Settled seconds after which a session's payments move from its hold into escrow.
		#[pallet::constant]
		type FlushSeconds: Get<u32>;
		/// The longest settlement interval the chain asks for; also the most allowance a session
		/// banks while it settles nothing.
		#[pallet::constant]
		type MaxSettlementInterval: Get<u32>;
		/// Settlements one block takes at the load the chain aims for (from the benchmarked
		/// weight of a settlement and both block limits).
		#[pallet::constant]
		type SettlementCapacity: Get<u32>;
		/// Milliseconds between blocks.
		#[pallet::constant]
		type ExpectedBlockTime: Get<u64>;
		/// Held from a viewer while their session is stored.
		#[pallet::constant]
		type SessionDeposit: Get<BalanceOf<Self>>;
		/// Free balance a session leaves the viewer for network fees (so they can always leave).
		#[pallet::constant]
		type FeeReserve: Get<BalanceOf<Self>>;
		/// Milliseconds of chain time without a settlement after which anyone may close a session.
		#[pallet::constant]
		type SessionIdleTimeout: Get<u64>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A viewer's deposit for their session's storage.
		SessionDeposit,
		/// A viewer's funds for the coming seconds of a session, and what they owe a stream.
		SessionFunds,
	}

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

	/// Each stream's viewers and flushed seconds.
	#[pallet::storage]
	pub type Totals<T: Config> = StorageMap<_, Blake2_128Concat, StreamId, StreamTotals, ValueQuery>;

	/// Sessions open on the whole chain: the load the settlement interval follows.
	#[pallet::storage]
	pub type ActiveSessions<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Seconds viewers should let gather before settling them: 1 while the chain has room, up to
	/// `MaxSettlementInterval` under load. Clients follow it; settling early (on pause, close…)
	/// is always allowed.
	#[pallet::storage]
	pub type SettlementInterval<T: Config> = StorageValue<_, u32, ValueQuery, OneSecond>;

	/// A second, the interval of a quiet chain.
	#[pallet::type_value]
	pub fn OneSecond() -> u32 {
		1
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A viewer joined a stream, with `held` of their funds on hold for its seconds.
		ViewerJoined { stream_id: StreamId, viewer: T::AccountId, held: BalanceOf<T> },
		/// A viewer left a stream; what they owed went to escrow and the rest was released.
		ViewerLeft { stream_id: StreamId, viewer: T::AccountId },
		/// Someone closed a viewer's session (see `CloseReason`), as leaving would have.
		SessionClosed { stream_id: StreamId, viewer: T::AccountId, reason: CloseReason },
		/// A viewer settled `ticks` watched seconds, charged `amount` against their hold.
		TickRecorded { stream_id: StreamId, viewer: T::AccountId, ticks: u32, amount: BalanceOf<T> },
		/// A session's settled seconds and their payment moved into the stream's escrow.
		SessionFlushed { stream_id: StreamId, viewer: T::AccountId, ticks: u32, amount: BalanceOf<T> },
		/// The chain asks viewers to settle every `seconds` seconds.
		SettlementIntervalChanged { seconds: u32 },
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
		/// More seconds than chain time allows since the last settlement (see the guard).
		TicksExceedElapsedTime,
		/// The viewer cannot hold the session deposit and the funds for the coming seconds (and
		/// keep `FeeReserve` free).
		InsufficientFunds,
		/// The session's stream is active and it settled within `SessionIdleTimeout`: only its
		/// viewer may close it.
		SessionNotClosable,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Join an active stream as the signer, agreeing to pay at most `max_rate_per_minute`.
		/// Holds `SessionDeposit` and the funds for `HeldSeconds` at that rate (none while the
		/// viewer holds a subscription), and must leave `FeeReserve` free. Joining again while
		/// joined changes nothing.
		///
		/// Emits `ViewerJoined`. Fails with `StreamNotFound`, `StreamNotActive`,
		/// `RateAboveLimit` or `InsufficientFunds`.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::join_stream())]
		pub fn join_stream(
			origin: OriginFor<T>,
			stream_id: StreamId,
			max_rate_per_minute: BalanceOf<T>,
		) -> DispatchResult {
			let viewer = ensure_signed(origin)?;
			let terms = pallet_stream_registry::Pallet::<T>::terms(stream_id)
				.ok_or(Error::<T>::StreamNotFound)?;
			ensure!(terms.is_active, Error::<T>::StreamNotActive);
			ensure!(
				terms.pricing_model.base_rate_per_minute <= max_rate_per_minute,
				Error::<T>::RateAboveLimit
			);
			if Sessions::<T>::contains_key(stream_id, &viewer) {
				return Ok(());
			}
			let now = Self::now_ms();
			let subscribed_until =
				pallet_payment_handler::Pallet::<T>::subscription_end(stream_id, &viewer).unwrap_or(0);
			let deposit = T::SessionDeposit::get();
			let held =
				if now < subscribed_until { Zero::zero() } else { Self::window_funds(max_rate_per_minute) };
			let spendable =
				CurrencyOf::<T>::reducible_balance(&viewer, Preservation::Preserve, Fortitude::Polite);
			ensure!(
				spendable >= deposit.saturating_add(held).saturating_add(T::FeeReserve::get()),
				Error::<T>::InsufficientFunds
			);
			CurrencyOf::<T>::hold(&HoldReason::SessionDeposit.into(), &viewer, deposit)?;
			CurrencyOf::<T>::hold(&HoldReason::SessionFunds.into(), &viewer, held)?;
			Sessions::<T>::insert(
				stream_id,
				&viewer,
				ViewerSession {
					max_rate_per_minute,
					billed_until: now,
					last_settled_at: now,
					ticks: 0,
					paid: Zero::zero(),
					carry: Zero::zero(),
					owed: Zero::zero(),
					unflushed_ticks: 0,
					held,
					deposit,
					subscribed_until,
				},
			);
			Totals::<T>::mutate(stream_id, |totals| totals.viewers.saturating_inc());
			Self::count_session(true);
			Self::deposit_event(Event::ViewerJoined { stream_id, viewer, held });
			Ok(())
		}

		/// Leave a stream: what the session owes goes to the stream's escrow, the rest of its hold
		/// and its deposit are released. A carry of less than one unit is forgiven.
		///
		/// Emits `SessionFlushed` (when anything was owed) and `ViewerLeft`. Fails with `NotJoined`.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::leave_stream())]
		pub fn leave_stream(origin: OriginFor<T>, stream_id: StreamId) -> DispatchResult {
			let viewer = ensure_signed(origin)?;
			let session = Sessions::<T>::get(stream_id, &viewer).ok_or(Error::<T>::NotJoined)?;
			Self::close(stream_id, &viewer, session)?;
			Self::deposit_event(Event::ViewerLeft { stream_id, viewer });
			Ok(())
		}

		/// Settle `ticks` seconds the signer watched at the stream's current rate, which must not
		/// be above `max_rate_per_minute` nor the rate they joined with. The charge comes from the
		/// session's hold (topped up if it falls short); every `FlushSeconds` the session's
		/// payments move into escrow. A subscriber's seconds are recorded without charge.
		///
		/// Emits `TickRecorded`, and `SessionFlushed` with `PaymentProcessed` on a flush. Fails
		/// with `InvalidTickCount`, `NotJoined`, `StreamNotFound`, `StreamNotActive`,
		/// `RateAboveLimit`, `TicksExceedElapsedTime` or `InsufficientFunds`; nothing changes
		/// on failure. Charged as a flush; refunded to a plain settlement when none happens.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::record_tick_and_flush())]
		pub fn record_tick(
			origin: OriginFor<T>,
			stream_id: StreamId,
			ticks: u32,
			max_rate_per_minute: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let viewer = ensure_signed(origin)?;
			ensure!(ticks >= 1 && ticks <= T::MaxTicksPerCall::get(), Error::<T>::InvalidTickCount);
			let mut session = Sessions::<T>::get(stream_id, &viewer).ok_or(Error::<T>::NotJoined)?;
			let terms = pallet_stream_registry::Pallet::<T>::terms(stream_id)
				.ok_or(Error::<T>::StreamNotFound)?;
			ensure!(terms.is_active, Error::<T>::StreamNotActive);
			let now = Self::now_ms();
			let subscribed = now < session.subscribed_until;
			let rate = terms.pricing_model.base_rate_per_minute;
			ensure!(
				subscribed || (rate <= max_rate_per_minute && rate <= session.max_rate_per_minute),
				Error::<T>::RateAboveLimit
			);
			session.billed_until = Self::advance_guard(session.billed_until, now, ticks)?;

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
			let topped_up = Self::cover(&viewer, &mut session, amount)?;
			session.owed = session.owed.saturating_add(amount);
			session.paid = session.paid.saturating_add(amount);
			session.ticks = session.ticks.saturating_add(ticks as u64);
			session.unflushed_ticks = session.unflushed_ticks.saturating_add(ticks);
			session.last_settled_at = now;
			let flushed = session.unflushed_ticks >= T::FlushSeconds::get();
			if flushed {
				Self::flush(stream_id, &viewer, &mut session)?;
				Self::refill(&viewer, &mut session, now);
			}
			Sessions::<T>::insert(stream_id, &viewer, session);
			Self::deposit_event(Event::TickRecorded { stream_id, viewer, ticks, amount });
			let actual = if flushed || topped_up {
				<T as Config>::WeightInfo::record_tick_and_flush()
			} else {
				<T as Config>::WeightInfo::record_tick()
			};
			Ok(PostDispatchInfo { actual_weight: Some(actual), pays_fee: Pays::Yes })
		}

		/// Close another viewer's session, as their leaving would: allowed once its stream is
		/// stopped or removed, or when it settled nothing for `SessionIdleTimeout`. Anyone may
		/// call it (the creator, to collect what is owed; anyone, to free the chain).
		///
		/// Emits `SessionFlushed` (when anything was owed) and `SessionClosed`. Fails with
		/// `NotJoined` or `SessionNotClosable`.
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::close_session())]
		pub fn close_session(
			origin: OriginFor<T>,
			stream_id: StreamId,
			viewer: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let session = Sessions::<T>::get(stream_id, &viewer).ok_or(Error::<T>::NotJoined)?;
			let active = pallet_stream_registry::Pallet::<T>::terms(stream_id)
				.is_some_and(|terms| terms.is_active);
			let reason = if !active {
				CloseReason::StreamStopped
			} else if Self::now_ms().saturating_sub(session.last_settled_at) >= T::SessionIdleTimeout::get() {
				CloseReason::Idle
			} else {
				return Err(Error::<T>::SessionNotClosable.into());
			};
			Self::close(stream_id, &viewer, session)?;
			Self::deposit_event(Event::SessionClosed { stream_id, viewer, reason });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		fn now_ms() -> u64 {
			pallet_timestamp::Pallet::<T>::get().unique_saturated_into()
		}

		/// What `HeldSeconds` of watching cost at `rate_per_minute`, rounded up.
		pub fn window_funds(rate_per_minute: BalanceOf<T>) -> BalanceOf<T> {
			let per_minute = BalanceOf::<T>::from(SECONDS_PER_MINUTE);
			let cost = rate_per_minute.saturating_mul(T::HeldSeconds::get().into());
			let whole = cost / per_minute;
			if (cost % per_minute).is_zero() {
				whole
			} else {
				whole.saturating_add(1u32.into())
			}
		}

		/// The guard's clock after settling `ticks` more seconds at `now`: it starts from where
		/// the last settlement left it, but never more than `MaxSettlementInterval` back, and may
		/// run at most `TickSlackSeconds` ahead of chain time.
		fn advance_guard(billed_until: u64, now: u64, ticks: u32) -> Result<u64, Error<T>> {
			let window = u64::from(T::MaxSettlementInterval::get()).saturating_mul(MS_PER_SECOND);
			let from = billed_until.max(now.saturating_sub(window));
			let until = from.saturating_add(u64::from(ticks).saturating_mul(MS_PER_SECOND));
			let limit = now.saturating_add(T::TickSlackSeconds::get().saturating_mul(MS_PER_SECOND));
			ensure!(until <= limit, Error::<T>::TicksExceedElapsedTime);
			Ok(until)
		}

		/// Makes the session's hold cover what it owes plus `amount`, holding the shortfall and a
		/// fresh window if the viewer can; `InsufficientFunds` when not even the shortfall can be
		/// held. Returns whether it had to hold more.
		fn cover(
			viewer: &T::AccountId,
			session: &mut ViewerSession<BalanceOf<T>>,
			amount: BalanceOf<T>,
		) -> Result<bool, DispatchError> {
			let needed = session.owed.saturating_add(amount);
			if needed <= session.held {
				return Ok(false);
			}
			let shortfall = needed - session.held;
			let spendable = Self::spendable_for_holds(viewer);
			ensure!(spendable >= shortfall, Error::<T>::InsufficientFunds);
			let extra = shortfall
				.saturating_add(Self::window_funds(session.max_rate_per_minute))
				.min(spendable);
			CurrencyOf::<T>::hold(&HoldReason::SessionFunds.into(), viewer, extra)?;
			session.held = session.held.saturating_add(extra);
			Ok(true)
		}

		/// After a flush: holds the session's window again, as far as the viewer's free balance
		/// allows (a shortfall is covered, or refused, by the next settlement).
		fn refill(viewer: &T::AccountId, session: &mut ViewerSession<BalanceOf<T>>, now: u64) {
			if now < session.subscribed_until {
				return;
			}
			let target = Self::window_funds(session.max_rate_per_minute);
			let extra = target.saturating_sub(session.held).min(Self::spendable_for_holds(viewer));
			if !extra.is_zero() &&
				CurrencyOf::<T>::hold(&HoldReason::SessionFunds.into(), viewer, extra).is_ok()
			{
				session.held = session.held.saturating_add(extra);
			}
		}

		/// What the viewer can put on hold and still pay fees (`FeeReserve`).
		fn spendable_for_holds(viewer: &T::AccountId) -> BalanceOf<T> {
			CurrencyOf::<T>::reducible_balance(viewer, Preservation::Preserve, Fortitude::Polite)
				.saturating_sub(T::FeeReserve::get())
		}

		/// Moves what the session owes from its hold into the stream's escrow and its unflushed
		/// seconds into the stream's totals.
		fn flush(
			stream_id: StreamId,
			viewer: &T::AccountId,
			session: &mut ViewerSession<BalanceOf<T>>,
		) -> DispatchResult {
			if session.owed.is_zero() && session.unflushed_ticks == 0 {
				return Ok(());
			}
			pallet_payment_handler::Pallet::<T>::pay_from_hold(
				viewer,
				stream_id,
				session.owed,
				&HoldReason::SessionFunds.into(),
			)?;
			Totals::<T>::mutate(stream_id, |totals| {
				totals.seconds = totals.seconds.saturating_add(session.unflushed_ticks.into())
			});
			Self::deposit_event(Event::SessionFlushed {
				stream_id,
				viewer: viewer.clone(),
				ticks: session.unflushed_ticks,
				amount: session.owed,
			});
			session.held = session.held.saturating_sub(session.owed);
			session.owed = Zero::zero();
			session.unflushed_ticks = 0;
			Ok(())
		}

		/// Ends a session: flushes it, releases its hold and deposit, uncounts the viewer.
		fn close(
			stream_id: StreamId,
			viewer: &T::AccountId,
			mut session: ViewerSession<BalanceOf<T>>,
		) -> DispatchResult {
			Self::flush(stream_id, viewer, &mut session)?;
			CurrencyOf::<T>::release(
				&HoldReason::SessionFunds.into(),
				viewer,
				session.held,
				Precision::BestEffort,
			)?;
			CurrencyOf::<T>::release(
				&HoldReason::SessionDeposit.into(),
				viewer,
				session.deposit,
				Precision::BestEffort,
			)?;
			Sessions::<T>::remove(stream_id, viewer);
			Totals::<T>::mutate(stream_id, |totals| totals.viewers.saturating_dec());
			Self::count_session(false);
			Ok(())
		}

		/// Counts a session in or out of the chain's load and republishes the interval.
		fn count_session(opened: bool) {
			let active = ActiveSessions::<T>::mutate(|count| {
				*count = if opened { count.saturating_add(1) } else { count.saturating_sub(1) };
				*count
			});
			let interval = Self::interval_for(active);
			if interval != SettlementInterval::<T>::get() {
				SettlementInterval::<T>::put(interval);
				Self::deposit_event(Event::SettlementIntervalChanged { seconds: interval });
			}
		}

		/// The interval at which `active` sessions, each settling once per interval, fit in
		/// `SettlementCapacity` settlements a block: 1 s while they fit every second, then
		/// widening, at most `MaxSettlementInterval`.
		pub fn interval_for(active: u32) -> u32 {
			let per_block = u64::from(T::SettlementCapacity::get().max(1));
			let block_ms = T::ExpectedBlockTime::get().max(1);
			let needed = (u64::from(active) * block_ms).div_ceil(per_block * MS_PER_SECOND);
			needed.clamp(1, u64::from(T::MaxSettlementInterval::get().max(1))) as u32
		}
	}

	/// A stream with joined viewers cannot be removed.
	impl<T: Config> StreamInUse for Pallet<T> {
		fn in_use(stream_id: StreamId) -> bool {
			Totals::<T>::get(stream_id).viewers > 0
		}
	}

	/// A viewer who subscribes while joined stops paying from the next settlement.
	impl<T: Config> OnSubscribed<T::AccountId> for Pallet<T> {
		fn on_subscribed(stream_id: StreamId, subscriber: &T::AccountId, expires_at: u64) {
			Sessions::<T>::mutate_exists(stream_id, subscriber, |session| {
				if let Some(session) = session {
					session.subscribed_until = expires_at;
				}
			});
		}

		/// One read and one write of a session (hand-priced: it runs inside `subscribe`).
		fn weight() -> Weight {
			T::DbWeight::get().reads_writes(1, 1)
		}
	}
}
