//! Benchmarks of the tick stream's calls, each in its most expensive case: a settlement that
//! writes only the session (`record_tick`, what a viewer sends every second or interval) and one
//! that also flushes into escrow and refills the hold (`record_tick_and_flush`).

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::RawOrigin;
use pallet::{Sessions, SettlementInterval};
use pallet_payment_handler::{BalanceOf, CurrencyOf};
use pallet_stream_registry::{PricingModel, StreamId};
use sp_runtime::{traits::Zero, SaturatedConversion};

extern crate alloc;

const RATE: u32 = 1_000_000;

fn set_now<T: Config>(ms: u64) {
	pallet_timestamp::Now::<T>::put(ms.saturated_into::<T::Moment>());
}

fn now<T: Config>() -> u64 {
	pallet_timestamp::Now::<T>::get().saturated_into::<u64>()
}

/// Enough for a stream deposit, a session's deposits and holds, and fees, many times over.
fn fund<T: Config>(who: &T::AccountId) {
	let deposits = <T as pallet_stream_registry::Config>::StreamDeposit::get() +
		T::SessionDeposit::get() +
		T::FeeReserve::get();
	let plenty = deposits * 10u32.into() + BalanceOf::<T>::from(RATE) * 1_000_000u32.into();
	CurrencyOf::<T>::set_balance(who, plenty);
}

/// An active stream at `RATE` per minute, and the time set well past genesis.
fn stream<T: Config>() -> StreamId {
	let creator: T::AccountId = account("creator", 0, 0);
	fund::<T>(&creator);
	let pricing = PricingModel {
		base_rate_per_minute: RATE.into(),
		premium_rate_per_minute: None,
		subscription_available: false,
		subscription_price: None,
	};
	set_now::<T>(1_000_000_000);
	pallet_stream_registry::Pallet::<T>::do_register(creator, alloc::vec![], alloc::vec![], alloc::vec![], pricing)
		.expect("the creator is funded")
}

/// A funded viewer joined to `stream`; the published interval is set to differ from what the
/// next join or leave computes, so that it is rewritten (its worst case).
fn joined_viewer<T: Config>(stream: StreamId) -> T::AccountId {
	let viewer: T::AccountId = whitelisted_caller();
	fund::<T>(&viewer);
	Pallet::<T>::join_stream(RawOrigin::Signed(viewer.clone()).into(), stream, RATE.into())
		.expect("the viewer is funded");
	SettlementInterval::<T>::put(0);
	viewer
}

/// Settles `secs` seconds after letting as much chain time pass.
fn settle<T: Config>(viewer: &T::AccountId, stream: StreamId, secs: u32) {
	set_now::<T>(now::<T>() + u64::from(secs) * 1000);
	Pallet::<T>::record_tick(RawOrigin::Signed(viewer.clone()).into(), stream, secs, RATE.into())
		.expect("within the guard and the hold");
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn join_stream() {
		let stream = stream::<T>();
		let viewer: T::AccountId = whitelisted_caller();
		fund::<T>(&viewer);
		SettlementInterval::<T>::put(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(viewer.clone()), stream, RATE.into());

		assert!(Sessions::<T>::contains_key(stream, &viewer));
	}

	/// Something is owed, so leaving flushes before releasing.
	#[benchmark]
	fn leave_stream() {
		let stream = stream::<T>();
		let viewer = joined_viewer::<T>(stream);
		settle::<T>(&viewer, stream, 10);

		#[extrinsic_call]
		_(RawOrigin::Signed(viewer.clone()), stream);

		assert!(!Sessions::<T>::contains_key(stream, &viewer));
	}

	/// A settlement charged against the hold: only the session is written.
	#[benchmark]
	fn record_tick() {
		let stream = stream::<T>();
		let viewer = joined_viewer::<T>(stream);
		settle::<T>(&viewer, stream, 1);
		set_now::<T>(now::<T>() + 1000);

		#[extrinsic_call]
		_(RawOrigin::Signed(viewer.clone()), stream, 1, RATE.into());

		let session = Sessions::<T>::get(stream, &viewer).expect("joined");
		assert_eq!(session.ticks, 2);
		assert!(!session.owed.is_zero(), "nothing was flushed");
	}

	/// The settlement that completes `FlushSeconds`: flushed into escrow, hold refilled.
	#[benchmark]
	fn record_tick_and_flush() {
		let stream = stream::<T>();
		let viewer = joined_viewer::<T>(stream);
		let flush = T::FlushSeconds::get();
		let mut settled = 0;
		while settled + 1 < flush {
			let secs = (flush - 1 - settled).min(T::MaxSettlementInterval::get());
			settle::<T>(&viewer, stream, secs);
			settled += secs;
		}
		set_now::<T>(now::<T>() + 1000);

		#[extrinsic_call]
		record_tick(RawOrigin::Signed(viewer.clone()), stream, 1, RATE.into());

		let session = Sessions::<T>::get(stream, &viewer).expect("joined");
		assert!(session.owed.is_zero() && session.unflushed_ticks == 0, "flushed");
	}

	/// An idle session with something owed: flushed and released by someone else.
	#[benchmark]
	fn close_session() {
		let stream = stream::<T>();
		let viewer = joined_viewer::<T>(stream);
		settle::<T>(&viewer, stream, 10);
		set_now::<T>(now::<T>() + T::SessionIdleTimeout::get());
		let caller: T::AccountId = account("closer", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), stream, viewer.clone());

		assert!(!Sessions::<T>::contains_key(stream, &viewer));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
