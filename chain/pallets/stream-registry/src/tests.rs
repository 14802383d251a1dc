use crate::{mock::*, CreatorStreams, Error, Event, HoldReason, NextStreamId, PricingModel, StreamInfo, Terms};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

fn pricing(rate: u128) -> PricingModel<u128> {
	PricingModel {
		base_rate_per_minute: rate,
		premium_rate_per_minute: None,
		subscription_available: false,
		subscription_price: None,
	}
}

fn register(who: u64) -> u128 {
	assert_ok!(StreamRegistry::register_stream(
		RuntimeOrigin::signed(who),
		b"Live".to_vec(),
		b"a stream".to_vec(),
		b"music".to_vec(),
		pricing(600),
	));
	NextStreamId::<Test>::get() - 1
}

#[test]
fn register_stream_stores_it_active_with_ids_from_one() {
	new_test_ext().execute_with(|| {
		assert_eq!(register(CREATOR), 1);
		assert_eq!(register(OTHER), 2);
		let stream = StreamInfo::<Test>::get(1).unwrap();
		assert_eq!(stream.creator, CREATOR);
		assert_eq!(stream.title.to_vec(), b"Live".to_vec());
		assert_eq!(stream.description.to_vec(), b"a stream".to_vec());
		assert_eq!(stream.category.to_vec(), b"music".to_vec());
		assert_eq!(stream.created_at, 1);
		assert_eq!(stream.deposit, DEPOSIT);
		let terms = Terms::<Test>::get(1).unwrap();
		assert_eq!(terms.pricing_model, pricing(600));
		assert!(terms.is_active);
		assert_eq!(Balances::balance_on_hold(&HoldReason::StreamDeposit.into(), &CREATOR), DEPOSIT);
		assert_eq!(CreatorStreams::<Test>::get(CREATOR).to_vec(), vec![1]);
		assert_eq!(NextStreamId::<Test>::get(), 3);
		System::assert_has_event(
			Event::StreamRegistered { stream_id: 1, creator: CREATOR, title: b"Live".to_vec().try_into().unwrap() }
				.into(),
		);
	});
}

#[test]
fn register_stream_rejects_overlong_text() {
	new_test_ext().execute_with(|| {
		let origin = || RuntimeOrigin::signed(CREATOR);
		assert_noop!(
			StreamRegistry::register_stream(origin(), vec![b'x'; 17], vec![], vec![], pricing(1)),
			Error::<Test>::TitleTooLong
		);
		assert_noop!(
			StreamRegistry::register_stream(origin(), vec![], vec![b'x'; 33], vec![], pricing(1)),
			Error::<Test>::DescriptionTooLong
		);
		assert_noop!(
			StreamRegistry::register_stream(origin(), vec![], vec![], vec![b'x'; 9], pricing(1)),
			Error::<Test>::CategoryTooLong
		);
	});
}

#[test]
fn register_stream_rejects_invalid_pricing() {
	new_test_ext().execute_with(|| {
		let attempt = |model: PricingModel<u128>| {
			StreamRegistry::register_stream(RuntimeOrigin::signed(CREATOR), vec![], vec![], vec![], model)
		};
		assert_noop!(attempt(pricing(0)), Error::<Test>::InvalidPricingModel);
		assert_noop!(
			attempt(PricingModel { premium_rate_per_minute: Some(0), ..pricing(1) }),
			Error::<Test>::InvalidPricingModel
		);
		assert_noop!(
			attempt(PricingModel { subscription_available: true, ..pricing(1) }),
			Error::<Test>::InvalidPricingModel
		);
		assert_ok!(attempt(PricingModel {
			subscription_available: true,
			subscription_price: Some(5),
			premium_rate_per_minute: Some(2),
			..pricing(1)
		}));
	});
}

#[test]
fn register_stream_caps_streams_per_creator() {
	new_test_ext().execute_with(|| {
		register(CREATOR);
		register(CREATOR);
		assert_noop!(
			StreamRegistry::register_stream(RuntimeOrigin::signed(CREATOR), vec![], vec![], vec![], pricing(1)),
			Error::<Test>::TooManyStreams
		);
	});
}

#[test]
fn update_stream_status_is_for_the_creator_only() {
	new_test_ext().execute_with(|| {
		let id = register(CREATOR);
		assert_noop!(
			StreamRegistry::update_stream_status(RuntimeOrigin::signed(OTHER), id, false),
			Error::<Test>::Unauthorized
		);
		assert_noop!(
			StreamRegistry::update_stream_status(RuntimeOrigin::signed(CREATOR), 99, false),
			Error::<Test>::StreamNotFound
		);
		assert_ok!(StreamRegistry::update_stream_status(RuntimeOrigin::signed(CREATOR), id, false));
		assert!(!Terms::<Test>::get(id).unwrap().is_active);
		System::assert_last_event(Event::StreamStatusUpdated { stream_id: id, is_active: false }.into());
	});
}

#[test]
fn update_pricing_is_for_the_creator_only_and_validated() {
	new_test_ext().execute_with(|| {
		let id = register(CREATOR);
		assert_noop!(
			StreamRegistry::update_pricing(RuntimeOrigin::signed(OTHER), id, pricing(5)),
			Error::<Test>::Unauthorized
		);
		assert_noop!(
			StreamRegistry::update_pricing(RuntimeOrigin::signed(CREATOR), 99, pricing(5)),
			Error::<Test>::StreamNotFound
		);
		assert_noop!(
			StreamRegistry::update_pricing(RuntimeOrigin::signed(CREATOR), id, pricing(0)),
			Error::<Test>::InvalidPricingModel
		);
		assert_ok!(StreamRegistry::update_pricing(RuntimeOrigin::signed(CREATOR), id, pricing(5)));
		assert_eq!(Terms::<Test>::get(id).unwrap().pricing_model, pricing(5));
		System::assert_last_event(Event::PricingUpdated { stream_id: id, pricing_model: pricing(5) }.into());
	});
}

#[test]
fn register_stream_needs_the_deposit() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			StreamRegistry::register_stream(RuntimeOrigin::signed(POOR), vec![], vec![], vec![], pricing(1)),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn remove_stream_returns_the_deposit_of_a_stopped_unused_stream() {
	new_test_ext().execute_with(|| {
		let id = register(CREATOR);
		let creator = || RuntimeOrigin::signed(CREATOR);
		assert_noop!(StreamRegistry::remove_stream(creator(), id), Error::<Test>::StreamStillActive);
		assert_ok!(StreamRegistry::update_stream_status(creator(), id, false));
		assert_noop!(StreamRegistry::remove_stream(RuntimeOrigin::signed(OTHER), id), Error::<Test>::Unauthorized);
		assert_noop!(StreamRegistry::remove_stream(creator(), 99), Error::<Test>::StreamNotFound);

		assert_ok!(StreamRegistry::remove_stream(creator(), id));
		assert!(StreamInfo::<Test>::get(id).is_none() && Terms::<Test>::get(id).is_none());
		assert!(CreatorStreams::<Test>::get(CREATOR).is_empty());
		assert_eq!(Balances::balance_on_hold(&HoldReason::StreamDeposit.into(), &CREATOR), 0);
		assert_eq!(Balances::balance(&CREATOR), FUNDS);
		System::assert_last_event(Event::StreamRemoved { stream_id: id, creator: CREATOR, deposit: DEPOSIT }.into());
		// The id is never handed out again.
		assert_eq!(register(CREATOR), id + 1);
	});
}

#[test]
fn remove_stream_refuses_a_stream_still_in_use() {
	new_test_ext().execute_with(|| {
		NextStreamId::<Test>::put(7);
		let id = register(CREATOR);
		assert_ok!(StreamRegistry::update_stream_status(RuntimeOrigin::signed(CREATOR), id, false));
		assert_noop!(StreamRegistry::remove_stream(RuntimeOrigin::signed(CREATOR), id), Error::<Test>::StreamInUse);
	});
}
