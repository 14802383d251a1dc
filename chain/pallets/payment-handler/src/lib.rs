//! # Payment handler
//!
//! Holds what viewers pay for streams in an escrow account owned by this pallet, and keeps each
//! stream's share in [`StreamEarnings`] until its creator withdraws it. Payments move real balance
//! through the runtime's fungible currency — from a payer's free balance (tips, subscriptions) or
//! from funds the tick stream held for a viewer's session — and nothing here keeps a private ledger
//! of balances.
//!
//! Viewers may instead buy a subscription to a stream that offers one: `subscription_price` pays for
//! `SubscriptionPeriod` of chain time, during which the tick stream records their seconds without
//! charging for them. A subscription's storage is paid for by a deposit, returned by
//! `end_subscription` once it has expired.
//!
//! Invariant: the escrow's balance is at least the existential deposit plus the sum of all
//! [`StreamEarnings`].

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use pallet_stream_registry::StreamId;

extern crate alloc;

/// Told when a viewer buys or extends a subscription, so that an open session can stop charging.
pub trait OnSubscribed<AccountId> {
	fn on_subscribed(stream_id: StreamId, subscriber: &AccountId, expires_at: u64);
	/// The most `on_subscribed` costs, added to `subscribe`'s weight.
	fn weight() -> frame_support::weights::Weight;
}

impl<AccountId> OnSubscribed<AccountId> for () {
	fn on_subscribed(_: StreamId, _: &AccountId, _: u64) {}
	fn weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::OnSubscribed;
	use crate::weights::WeightInfo;
	use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			tokens::{Fortitude, Precision, Preservation, Restriction},
			Time,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use pallet_stream_registry::{StreamId, StreamInUse};
	use scale_info::TypeInfo;
	use sp_runtime::traits::{AccountIdConversion, CheckedSub, Saturating, Zero};

	/// The balance type of the runtime's currency.
	pub type BalanceOf<T> = <T as pallet_stream_registry::Config>::Balance;
	/// The runtime's currency, as the stream registry configures it.
	pub type CurrencyOf<T> = <T as pallet_stream_registry::Config>::Currency;
	/// The runtime's hold reasons.
	pub type HoldReasonOf<T> = <T as pallet_stream_registry::Config>::RuntimeHoldReason;

	/// A viewer's subscription to a stream.
	#[derive(
		Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
	)]
	pub struct Subscription<Balance> {
		/// When it ends, in milliseconds of chain time.
		pub expires_at: u64,
		/// Held from the subscriber for this entry; returned by `end_subscription`.
		pub deposit: Balance,
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>>
		+ pallet_stream_registry::Config<RuntimeHoldReason: From<HoldReason>>
	{
		/// Derives the escrow account that holds unwithdrawn earnings.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// How long one subscription lasts, in milliseconds of chain time.
		#[pallet::constant]
		type SubscriptionPeriod: Get<u64>;
		/// Held from a subscriber while their subscription's entry is stored.
		#[pallet::constant]
		type SubscriptionDeposit: Get<BalanceOf<Self>>;
		/// The chain's clock, in milliseconds.
		type Time: Time<Moment = u64>;
		/// Told about every subscription bought (the tick stream, to stop charging a session).
		type OnSubscribed: OnSubscribed<Self::AccountId>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A subscriber's deposit for their stored subscription.
		SubscriptionDeposit,
	}

	/// Each stream's earnings held in escrow, not yet withdrawn by its creator.
	#[pallet::storage]
	pub type StreamEarnings<T: Config> =
		StorageMap<_, Blake2_128Concat, StreamId, BalanceOf<T>, ValueQuery>;

	/// Each viewer's subscription to a stream, until `end_subscription` removes it.
	#[pallet::storage]
	pub type Subscriptions<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		StreamId,
		Blake2_128Concat,
		T::AccountId,
		Subscription<BalanceOf<T>>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `payer` paid `amount` into a stream's earnings (settled seconds, a tip or a subscription).
		PaymentProcessed { stream_id: StreamId, payer: T::AccountId, amount: BalanceOf<T> },
		/// A creator moved `amount` of a stream's earnings out of escrow to themself.
		EarningsWithdrawn { stream_id: StreamId, creator: T::AccountId, amount: BalanceOf<T> },
		/// A viewer bought (or extended) a subscription, paid into the stream's earnings.
		Subscribed { stream_id: StreamId, subscriber: T::AccountId, price: BalanceOf<T>, expires_at: u64 },
		/// An expired subscription was removed and its deposit returned to the subscriber.
		SubscriptionEnded { stream_id: StreamId, subscriber: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No stream has this id.
		StreamNotFound,
		/// Only the stream's creator may withdraw its earnings.
		Unauthorized,
		/// Amounts must be above zero.
		ZeroAmount,
		/// The payer cannot pay this (and a new subscription's deposit) without dropping below
		/// the existential deposit.
		InsufficientFunds,
		/// The stream has earned less than the amount asked for.
		InsufficientEarnings,
		/// The stream offers no subscription.
		SubscriptionUnavailable,
		/// The subscription price is above the most the subscriber agreed to pay.
		PriceAboveLimit,
		/// This viewer holds no subscription to this stream.
		NotSubscribed,
		/// The subscription has not ended yet.
		SubscriptionActive,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		/// Endows the escrow with the existential deposit so it exists before the first payment and
		/// never dies.
		fn build(&self) {
			let escrow = Pallet::<T>::escrow_account();
			if CurrencyOf::<T>::balance(&escrow).is_zero() {
				CurrencyOf::<T>::mint_into(&escrow, CurrencyOf::<T>::minimum_balance())
					.expect("minting the existential deposit into a new account succeeds");
			}
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pay `amount` once into a stream's earnings: a tip, independent of watching.
		///
		/// Emits `PaymentProcessed`. Fails with `StreamNotFound`, `ZeroAmount` or
		/// `InsufficientFunds`; nothing changes on failure.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::process_payment())]
		pub fn process_payment(
			origin: OriginFor<T>,
			stream_id: StreamId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			ensure!(
				pallet_stream_registry::Pallet::<T>::terms(stream_id).is_some(),
				Error::<T>::StreamNotFound
			);
			Self::pay_into_stream(&payer, stream_id, amount)
		}

		/// Move `amount` of a stream's earnings from escrow to its creator.
		///
		/// The stream's creator only. Emits `EarningsWithdrawn`. Fails with `StreamNotFound`,
		/// `Unauthorized`, `ZeroAmount` or `InsufficientEarnings`.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::withdraw_earnings())]
		pub fn withdraw_earnings(
			origin: OriginFor<T>,
			stream_id: StreamId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let creator = pallet_stream_registry::Pallet::<T>::creator(stream_id)
				.ok_or(Error::<T>::StreamNotFound)?;
			ensure!(creator == who, Error::<T>::Unauthorized);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			StreamEarnings::<T>::try_mutate(stream_id, |earned| {
				*earned = earned.checked_sub(&amount).ok_or(Error::<T>::InsufficientEarnings)?;
				CurrencyOf::<T>::transfer(&Self::escrow_account(), &who, amount, Preservation::Preserve)?;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::EarningsWithdrawn { stream_id, creator: who, amount });
			Ok(())
		}

		/// Buy a subscription to a stream for `SubscriptionPeriod`, at its `subscription_price`,
		/// which must not be above `max_price`. Buying again while subscribed extends the
		/// subscription from its current end. A new subscription also holds
		/// `SubscriptionDeposit` until `end_subscription`. While subscribed,
		/// `TickStream.record_tick` records seconds without charging for them.
		///
		/// Emits `PaymentProcessed` and `Subscribed`. Fails with `StreamNotFound`,
		/// `SubscriptionUnavailable`, `PriceAboveLimit` or `InsufficientFunds`.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::subscribe().saturating_add(T::OnSubscribed::weight()))]
		pub fn subscribe(
			origin: OriginFor<T>,
			stream_id: StreamId,
			max_price: BalanceOf<T>,
		) -> DispatchResult {
			let subscriber = ensure_signed(origin)?;
			let pricing = pallet_stream_registry::Pallet::<T>::terms(stream_id)
				.ok_or(Error::<T>::StreamNotFound)?
				.pricing_model;
			let price = pricing
				.subscription_price
				.filter(|_| pricing.subscription_available)
				.ok_or(Error::<T>::SubscriptionUnavailable)?;
			ensure!(price <= max_price, Error::<T>::PriceAboveLimit);
			Self::pay_into_stream(&subscriber, stream_id, price)?;
			let now = T::Time::now();
			let current = Subscriptions::<T>::get(stream_id, &subscriber);
			let deposit = match &current {
				Some(subscription) => subscription.deposit,
				None => {
					let deposit = T::SubscriptionDeposit::get();
					CurrencyOf::<T>::hold(&HoldReason::SubscriptionDeposit.into(), &subscriber, deposit)
						.map_err(|_| Error::<T>::InsufficientFunds)?;
					deposit
				},
			};
			let starts = current.map_or(now, |subscription| subscription.expires_at.max(now));
			let expires_at = starts.saturating_add(T::SubscriptionPeriod::get());
			Subscriptions::<T>::insert(stream_id, &subscriber, Subscription { expires_at, deposit });
			T::OnSubscribed::on_subscribed(stream_id, &subscriber, expires_at);
			Self::deposit_event(Event::Subscribed { stream_id, subscriber, price, expires_at });
			Ok(())
		}

		/// Remove an expired subscription and return its deposit to the subscriber. Anyone may
		/// call it.
		///
		/// Emits `SubscriptionEnded`. Fails with `NotSubscribed` or `SubscriptionActive`.
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::end_subscription())]
		pub fn end_subscription(
			origin: OriginFor<T>,
			stream_id: StreamId,
			subscriber: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let subscription =
				Subscriptions::<T>::get(stream_id, &subscriber).ok_or(Error::<T>::NotSubscribed)?;
			ensure!(subscription.expires_at <= T::Time::now(), Error::<T>::SubscriptionActive);
			Subscriptions::<T>::remove(stream_id, &subscriber);
			CurrencyOf::<T>::release(
				&HoldReason::SubscriptionDeposit.into(),
				&subscriber,
				subscription.deposit,
				Precision::BestEffort,
			)?;
			Self::deposit_event(Event::SubscriptionEnded { stream_id, subscriber });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// When `viewer`'s subscription to the stream ends (ms of chain time), if they have one.
		pub fn subscription_end(stream_id: StreamId, viewer: &T::AccountId) -> Option<u64> {
			Subscriptions::<T>::get(stream_id, viewer).map(|subscription| subscription.expires_at)
		}

		/// The account holding every stream's unwithdrawn earnings.
		pub fn escrow_account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// Moves `amount` from `payer`'s free balance into escrow and credits it to a stream's
		/// earnings. The caller checks the stream exists. Used for tips and subscriptions.
		pub fn pay_into_stream(
			payer: &T::AccountId,
			stream_id: StreamId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let spendable =
				CurrencyOf::<T>::reducible_balance(payer, Preservation::Preserve, Fortitude::Polite);
			ensure!(spendable >= amount, Error::<T>::InsufficientFunds);
			CurrencyOf::<T>::transfer(payer, &Self::escrow_account(), amount, Preservation::Preserve)?;
			Self::credit(stream_id, payer, amount);
			Ok(())
		}

		/// Moves `amount` that `payer` has on hold for `reason` into escrow and credits it to a
		/// stream's earnings: how the tick stream settles a session's seconds.
		pub fn pay_from_hold(
			payer: &T::AccountId,
			stream_id: StreamId,
			amount: BalanceOf<T>,
			reason: &HoldReasonOf<T>,
		) -> DispatchResult {
			if amount.is_zero() {
				return Ok(());
			}
			CurrencyOf::<T>::transfer_on_hold(
				reason,
				payer,
				&Self::escrow_account(),
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
			Self::credit(stream_id, payer, amount);
			Ok(())
		}

		fn credit(stream_id: StreamId, payer: &T::AccountId, amount: BalanceOf<T>) {
			StreamEarnings::<T>::mutate(stream_id, |earned| *earned = earned.saturating_add(amount));
			Self::deposit_event(Event::PaymentProcessed { stream_id, payer: payer.clone(), amount });
		}
	}

	/// A stream with unwithdrawn earnings cannot be removed.
	impl<T: Config> StreamInUse for Pallet<T> {
		fn in_use(stream_id: StreamId) -> bool {
			!StreamEarnings::<T>::get(stream_id).is_zero()
		}
	}
}
