//! # Payment handler
//!
//! Holds what viewers pay for streams in an escrow account owned by this pallet, and keeps each
//! stream's share in [`StreamEarnings`] until its creator withdraws it. Payments move real balance
//! through the runtime's fungible currency; nothing here keeps a private ledger of balances.
//!
//! Viewers may instead buy a subscription to a stream that offers one: `subscription_price` pays for
//! `SubscriptionPeriod` of chain time, during which the tick stream records their seconds without
//! charging for them.
//!
//! Invariant: the escrow's balance is at least the existential deposit plus the sum of all
//! [`StreamEarnings`].

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
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::{Fortitude, Preservation},
			Time,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use pallet_stream_registry::StreamId;
	use sp_runtime::traits::{AccountIdConversion, CheckedSub, Saturating, Zero};

	/// The balance type of the runtime's currency.
	pub type BalanceOf<T> = <T as pallet_stream_registry::Config>::Balance;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>> + pallet_stream_registry::Config
	{
		/// The chain's native currency, in which streams are paid.
		type Currency: Mutate<Self::AccountId, Balance = BalanceOf<Self>>;
		/// Derives the escrow account that holds unwithdrawn earnings.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// How long one subscription lasts, in milliseconds of chain time.
		#[pallet::constant]
		type SubscriptionPeriod: Get<u64>;
		/// The chain's clock, in milliseconds.
		type Time: Time<Moment = u64>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Each stream's earnings held in escrow, not yet withdrawn by its creator.
	#[pallet::storage]
	pub type StreamEarnings<T: Config> =
		StorageMap<_, Blake2_128Concat, StreamId, BalanceOf<T>, ValueQuery>;

	/// When each viewer's subscription to a stream ends, in milliseconds of chain time.
	#[pallet::storage]
	pub type Subscriptions<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, StreamId, Blake2_128Concat, T::AccountId, u64>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `payer` paid `amount` into a stream's earnings (a tick's payment or a tip).
		PaymentProcessed { stream_id: StreamId, payer: T::AccountId, amount: BalanceOf<T> },
		/// A creator moved `amount` of a stream's earnings out of escrow to themself.
		EarningsWithdrawn { stream_id: StreamId, creator: T::AccountId, amount: BalanceOf<T> },
		/// A viewer bought (or extended) a subscription, paid into the stream's earnings.
		Subscribed { stream_id: StreamId, subscriber: T::AccountId, price: BalanceOf<T>, expires_at: u64 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No stream has this id.
		StreamNotFound,
		/// Only the stream's creator may withdraw its earnings.
		Unauthorized,
		/// Amounts must be above zero.
		ZeroAmount,
		/// The payer cannot pay this without dropping below the existential deposit.
		InsufficientFunds,
		/// The stream has earned less than the amount asked for.
		InsufficientEarnings,
		/// The stream offers no subscription.
		SubscriptionUnavailable,
		/// The subscription price is above the most the subscriber agreed to pay.
		PriceAboveLimit,
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
			if T::Currency::balance(&escrow).is_zero() {
				T::Currency::mint_into(&escrow, T::Currency::minimum_balance())
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
				pallet_stream_registry::Pallet::<T>::stream(stream_id).is_some(),
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
			let stream = pallet_stream_registry::Pallet::<T>::stream(stream_id)
				.ok_or(Error::<T>::StreamNotFound)?;
			ensure!(stream.creator == who, Error::<T>::Unauthorized);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			StreamEarnings::<T>::try_mutate(stream_id, |earned| {
				*earned = earned.checked_sub(&amount).ok_or(Error::<T>::InsufficientEarnings)?;
				T::Currency::transfer(
					&Self::escrow_account(),
					&who,
					amount,
					Preservation::Preserve,
				)?;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::EarningsWithdrawn { stream_id, creator: who, amount });
			Ok(())
		}

		/// Buy a subscription to a stream for `SubscriptionPeriod`, at its `subscription_price`,
		/// which must not be above `max_price`. Buying again while subscribed extends the
		/// subscription from its current end. While subscribed, `TickStream.record_tick` records
		/// seconds without charging for them.
		///
		/// Emits `PaymentProcessed` and `Subscribed`. Fails with `StreamNotFound`,
		/// `SubscriptionUnavailable`, `PriceAboveLimit` or `InsufficientFunds`.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::subscribe())]
		pub fn subscribe(
			origin: OriginFor<T>,
			stream_id: StreamId,
			max_price: BalanceOf<T>,
		) -> DispatchResult {
			let subscriber = ensure_signed(origin)?;
			let pricing = pallet_stream_registry::Pallet::<T>::stream(stream_id)
				.ok_or(Error::<T>::StreamNotFound)?
				.pricing_model;
			let price = pricing
				.subscription_price
				.filter(|_| pricing.subscription_available)
				.ok_or(Error::<T>::SubscriptionUnavailable)?;
			ensure!(price <= max_price, Error::<T>::PriceAboveLimit);
			Self::pay_into_stream(&subscriber, stream_id, price)?;
			let now = T::Time::now();
			let starts = Subscriptions::<T>::get(stream_id, &subscriber).map_or(now, |end| end.max(now));
			let expires_at = starts.saturating_add(T::SubscriptionPeriod::get());
			Subscriptions::<T>::insert(stream_id, &subscriber, expires_at);
			Self::deposit_event(Event::Subscribed { stream_id, subscriber, price, expires_at });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Whether `viewer` holds a subscription to the stream that has not yet ended.
		pub fn is_subscribed(stream_id: StreamId, viewer: &T::AccountId) -> bool {
			Subscriptions::<T>::get(stream_id, viewer).is_some_and(|end| T::Time::now() < end)
		}

		/// The account holding every stream's unwithdrawn earnings.
		pub fn escrow_account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// Moves `amount` from `payer` into escrow and credits it to a stream's earnings. The
		/// caller checks the stream exists. Used for tips and for the ticks of `TickStream`.
		pub fn pay_into_stream(
			payer: &T::AccountId,
			stream_id: StreamId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let spendable =
				T::Currency::reducible_balance(payer, Preservation::Preserve, Fortitude::Polite);
			ensure!(spendable >= amount, Error::<T>::InsufficientFunds);
			T::Currency::transfer(payer, &Self::escrow_account(), amount, Preservation::Preserve)?;
			StreamEarnings::<T>::mutate(stream_id, |earned| *earned = earned.saturating_add(amount));
			Self::deposit_event(Event::PaymentProcessed {
				stream_id,
				payer: payer.clone(),
				amount,
			});
			Ok(())
		}
	}
}
