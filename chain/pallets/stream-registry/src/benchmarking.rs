//! Benchmarks of the stream registry's calls, each in its most expensive case.

use super::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::RawOrigin;

fn pricing<T: Config>() -> PricingModel<T::Balance> {
	PricingModel {
		base_rate_per_minute: 1_000u32.into(),
		premium_rate_per_minute: Some(2_000u32.into()),
		subscription_available: true,
		subscription_price: Some(100_000u32.into()),
	}
}

/// An account with enough for a deposit on every stream it may register.
fn funded_creator<T: Config>() -> T::AccountId {
	let creator: T::AccountId = whitelisted_caller();
	let deposits = T::StreamDeposit::get() * (T::MaxStreamsPerCreator::get() + 1).into();
	T::Currency::set_balance(&creator, deposits + 1_000_000u32.into());
	creator
}

/// Registers `count` streams for `creator`; returns their ids.
fn register_many<T: Config>(creator: &T::AccountId, count: u32) -> Vec<StreamId> {
	(0..count)
		.map(|_| {
			Pallet::<T>::do_register(creator.clone(), vec![], vec![], vec![], pricing::<T>())
				.expect("the creator is funded and under the limit")
		})
		.collect()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `l` bytes of text, split over title, description and category; the creator's list of
	/// streams is one short of full.
	#[benchmark]
	fn register_stream(
		l: Linear<0, { T::MaxTitleLen::get() + T::MaxDescriptionLen::get() + T::MaxCategoryLen::get() }>,
	) {
		let creator = funded_creator::<T>();
		register_many::<T>(&creator, T::MaxStreamsPerCreator::get() - 1);
		let title = l.min(T::MaxTitleLen::get());
		let description = (l - title).min(T::MaxDescriptionLen::get());
		let category = l - title - description;

		#[extrinsic_call]
		_(
			RawOrigin::Signed(creator.clone()),
			vec![b't'; title as usize],
			vec![b'd'; description as usize],
			vec![b'c'; category as usize],
			pricing::<T>(),
		);

		assert_eq!(CreatorStreams::<T>::get(&creator).len() as u32, T::MaxStreamsPerCreator::get());
	}

	#[benchmark]
	fn update_stream_status() {
		let creator = funded_creator::<T>();
		let id = register_many::<T>(&creator, 1)[0];

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id, false);

		assert!(!Terms::<T>::get(id).expect("registered").is_active);
	}

	#[benchmark]
	fn update_pricing() {
		let creator = funded_creator::<T>();
		let id = register_many::<T>(&creator, 1)[0];
		let mut cheaper = pricing::<T>();
		cheaper.base_rate_per_minute = 500u32.into();

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id, cheaper.clone());

		assert_eq!(Terms::<T>::get(id).expect("registered").pricing_model, cheaper);
	}

	/// The creator has the most streams allowed; the first one is removed.
	#[benchmark]
	fn remove_stream() {
		let creator = funded_creator::<T>();
		let ids = register_many::<T>(&creator, T::MaxStreamsPerCreator::get());
		let id = ids[0];
		Pallet::<T>::update_stream_status(RawOrigin::Signed(creator.clone()).into(), id, false)
			.expect("the creator stops their stream");

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id);

		assert!(StreamInfo::<T>::get(id).is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
