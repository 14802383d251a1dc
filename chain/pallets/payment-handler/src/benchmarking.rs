//! Benchmarks of the payment handler's calls, each in its most expensive case.

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get, Time};
use frame_system::RawOrigin;
use sp_runtime::traits::Zero;
use pallet::{BalanceOf, CurrencyOf, StreamEarnings, Subscriptions};
use pallet_stream_registry::PricingModel;


const PRICE: u32 = 1_000_000;

/// A stream offering a subscription at `PRICE`, registered by a funded creator.
fn subscribable_stream<T: Config>() -> (T::AccountId, StreamId) {
	let creator: T::AccountId = account("creator", 0, 0);
	fund::<T>(&creator);
	let pricing = PricingModel {
		base_rate_per_minute: 1_000u32.into(),
		premium_rate_per_minute: None,
		subscription_available: true,
		subscription_price: Some(PRICE.into()),
	};
	let id = pallet_stream_registry::Pallet::<T>::do_register(creator.clone(), vec![], vec![], vec![], pricing)
		.expect("the creator is funded");
	(creator, id)
}

fn fund<T: Config>(who: &T::AccountId) {
	let plenty: BalanceOf<T> = BalanceOf::<T>::from(PRICE) * 1_000u32.into() +
		<T as pallet_stream_registry::Config>::StreamDeposit::get() +
		T::SubscriptionDeposit::get();
	CurrencyOf::<T>::set_balance(who, plenty);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn process_payment() {
		let (_, stream) = subscribable_stream::<T>();
		let payer: T::AccountId = whitelisted_caller();
		fund::<T>(&payer);

		#[extrinsic_call]
		_(RawOrigin::Signed(payer), stream, PRICE.into());

		assert_eq!(StreamEarnings::<T>::get(stream), PRICE.into());
	}

	#[benchmark]
	fn withdraw_earnings() {
		let (creator, stream) = subscribable_stream::<T>();
		let payer: T::AccountId = whitelisted_caller();
		fund::<T>(&payer);
		Pallet::<T>::pay_into_stream(&payer, stream, PRICE.into()).expect("the payer is funded");

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), stream, PRICE.into());

		assert!(StreamEarnings::<T>::get(stream).is_zero());
	}

	/// A first subscription: the deposit is held and the session (if any) told.
	#[benchmark]
	fn subscribe() {
		let (_, stream) = subscribable_stream::<T>();
		let subscriber: T::AccountId = whitelisted_caller();
		fund::<T>(&subscriber);

		#[extrinsic_call]
		_(RawOrigin::Signed(subscriber.clone()), stream, PRICE.into());

		assert!(Subscriptions::<T>::get(stream, &subscriber).is_some());
	}

	#[benchmark]
	fn end_subscription() {
		let (_, stream) = subscribable_stream::<T>();
		let subscriber: T::AccountId = account("subscriber", 0, 0);
		fund::<T>(&subscriber);
		Pallet::<T>::subscribe(RawOrigin::Signed(subscriber.clone()).into(), stream, PRICE.into())
			.expect("the subscriber is funded");
		let expires_at = Subscriptions::<T>::get(stream, &subscriber).expect("subscribed").expires_at;
		Subscriptions::<T>::mutate(stream, &subscriber, |subscription| {
			if let Some(subscription) = subscription {
				subscription.expires_at = T::Time::now().min(expires_at);
			}
		});
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), stream, subscriber.clone());

		assert!(Subscriptions::<T>::get(stream, &subscriber).is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
