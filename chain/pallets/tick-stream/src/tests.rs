use crate::{mock::*, Error, Event, Sessions, TickCount};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use pallet_payment_handler::StreamEarnings;
use pallet_stream_registry::StreamInfo;

fn join(who: u64) {
	assert_ok!(TickStream::join_stream(RuntimeOrigin::signed(who), STREAM));
}

fn tick(who: u64, ticks: u32) -> frame_support::dispatch::DispatchResult {
	TickStream::record_tick(RuntimeOrigin::signed(who), STREAM, ticks, RATE)
}

fn paid_by(who: u64) -> u128 {
	Sessions::<Test>::get(STREAM, who).map_or(0, |s| s.paid)
}

fn escrow_balance() -> u128 {
	Balances::balance(&PaymentHandler::escrow_account())
}

#[test]
fn join_stream_counts_a_viewer_once() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		System::assert_last_event(Event::ViewerJoined { stream_id: STREAM, viewer: VIEWER }.into());
		let events = System::events().len();
		join(VIEWER);
		assert_eq!(System::events().len(), events, "joining again emits nothing");
		assert_eq!(StreamInfo::<Test>::get(STREAM).unwrap().viewer_count, 1);
		let session = Sessions::<Test>::get(STREAM, VIEWER).unwrap();
		assert_eq!((session.joined_at, session.ticks, session.paid, session.carry), (1_000_000, 0, 0, 0));
	});
}

#[test]
fn join_stream_needs_an_active_stream() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			TickStream::join_stream(RuntimeOrigin::signed(VIEWER), 99),
			Error::<Test>::StreamNotFound
		);
		assert_ok!(StreamRegistry::update_stream_status(RuntimeOrigin::signed(CREATOR), STREAM, false));
		assert_noop!(
			TickStream::join_stream(RuntimeOrigin::signed(VIEWER), STREAM),
			Error::<Test>::StreamNotActive
		);
	});
}

#[test]
fn leave_stream_uncounts_the_viewer() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			TickStream::leave_stream(RuntimeOrigin::signed(VIEWER), STREAM),
			Error::<Test>::NotJoined
		);
		join(VIEWER);
		assert_ok!(TickStream::leave_stream(RuntimeOrigin::signed(VIEWER), STREAM));
		System::assert_last_event(Event::ViewerLeft { stream_id: STREAM, viewer: VIEWER }.into());
		assert_eq!(StreamInfo::<Test>::get(STREAM).unwrap().viewer_count, 0);
		assert!(Sessions::<Test>::get(STREAM, VIEWER).is_none());
	});
}

#[test]
fn record_tick_records_and_pays_in_one_call() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		set_now_secs(1_060);
		assert_ok!(tick(VIEWER, 60));
		// 60 s at 100 per minute.
		assert_eq!(TickCount::<Test>::get(STREAM), 60);
		assert_eq!(StreamEarnings::<Test>::get(STREAM), 100);
		assert_eq!(Balances::balance(&VIEWER), VIEWER_FUNDS - 100);
		assert_eq!(escrow_balance(), ED + 100);
		System::assert_has_event(
			pallet_payment_handler::Event::PaymentProcessed { stream_id: STREAM, payer: VIEWER, amount: 100 }
				.into(),
		);
		System::assert_last_event(
			Event::TickRecorded { stream_id: STREAM, viewer: VIEWER, ticks: 60, amount: 100 }.into(),
		);
	});
}

#[test]
fn record_tick_is_only_for_joined_viewers_of_active_streams() {
	new_test_ext().execute_with(|| {
		assert_noop!(tick(VIEWER, 1), Error::<Test>::NotJoined);
		join(VIEWER);
		assert_noop!(
			TickStream::record_tick(RuntimeOrigin::signed(VIEWER), 99, 1, RATE),
			Error::<Test>::NotJoined
		);
		assert_ok!(StreamRegistry::update_stream_status(RuntimeOrigin::signed(CREATOR), STREAM, false));
		assert_noop!(tick(VIEWER, 1), Error::<Test>::StreamNotActive);
	});
}

#[test]
fn record_tick_bounds_the_tick_count() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		set_now_secs(10_000);
		assert_noop!(tick(VIEWER, 0), Error::<Test>::InvalidTickCount);
		assert_noop!(tick(VIEWER, MAX_TICKS + 1), Error::<Test>::InvalidTickCount);
		assert_ok!(tick(VIEWER, MAX_TICKS));
	});
}

#[test]
fn record_tick_refuses_a_rate_above_the_viewers_limit() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		assert_ok!(StreamRegistry::update_pricing(RuntimeOrigin::signed(CREATOR), STREAM, pricing(RATE + 1)));
		assert_noop!(tick(VIEWER, 1), Error::<Test>::RateAboveLimit);
		assert_ok!(TickStream::record_tick(RuntimeOrigin::signed(VIEWER), STREAM, 1, RATE + 1));
	});
}

#[test]
fn record_tick_never_bills_more_seconds_than_have_passed() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		// At the join itself only the slack is available.
		assert_ok!(tick(VIEWER, SLACK_SECS as u32));
		assert_noop!(tick(VIEWER, 1), Error::<Test>::TicksExceedElapsedTime);
		set_now_secs(1_030);
		assert_ok!(tick(VIEWER, 30));
		assert_noop!(tick(VIEWER, 1), Error::<Test>::TicksExceedElapsedTime);
		assert_eq!(TickCount::<Test>::get(STREAM), 30 + SLACK_SECS);
	});
}

#[test]
fn a_failed_payment_records_no_tick() {
	new_test_ext().execute_with(|| {
		join(POOR);
		set_now_secs(2_000);
		// POOR has 12 and must keep ED = 10; 60 ticks cost 100.
		assert_noop!(tick(POOR, 60), pallet_payment_handler::Error::<Test>::InsufficientFunds);
		assert_eq!(TickCount::<Test>::get(STREAM), 0);
		assert_eq!(Sessions::<Test>::get(STREAM, POOR).unwrap().ticks, 0);
		assert_eq!(StreamEarnings::<Test>::get(STREAM), 0);
	});
}

#[test]
fn money_has_no_drift_at_a_constant_rate() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		set_now_secs(100_000);
		let mut total = 0u128;
		// Uneven batches, mostly single seconds as the extension sends them.
		for (i, batch) in [1u32, 1, 1, 7, 1, 13, 59, 1, 1, 2, 61, 1, 3, 1, 1].iter().cycle().take(200).enumerate() {
			assert_ok!(tick(VIEWER, *batch));
			total += *batch as u128;
			assert_eq!(paid_by(VIEWER), total * RATE / 60, "after call {i}");
			assert!(Sessions::<Test>::get(STREAM, VIEWER).unwrap().carry < 60);
		}
		assert_eq!(Balances::balance(&VIEWER), VIEWER_FUNDS - total * RATE / 60);
		assert_eq!(StreamEarnings::<Test>::get(STREAM), total * RATE / 60);
	});
}

#[test]
fn money_has_no_drift_across_rate_changes() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		set_now_secs(100_000);
		let mut owed_times_60 = 0u128;
		for (rate, seconds) in [(100u128, 7u32), (37, 11), (1, 5), (59, 3), (100, 1)] {
			assert_ok!(StreamRegistry::update_pricing(RuntimeOrigin::signed(CREATOR), STREAM, pricing(rate)));
			for _ in 0..seconds {
				assert_ok!(TickStream::record_tick(RuntimeOrigin::signed(VIEWER), STREAM, 1, rate));
				owed_times_60 += rate;
			}
			assert_eq!(paid_by(VIEWER), owed_times_60 / 60);
		}
	});
}

#[test]
fn escrow_always_covers_earnings() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		set_now_secs(100_000);
		for n in 1..=20u32 {
			assert_ok!(tick(VIEWER, n));
			if n % 5 == 0 {
				let earned = StreamEarnings::<Test>::get(STREAM);
				assert_ok!(PaymentHandler::withdraw_earnings(RuntimeOrigin::signed(CREATOR), STREAM, earned / 2));
			}
			let owed: u128 = StreamEarnings::<Test>::iter_values().sum();
			assert!(escrow_balance() >= ED + owed);
		}
	});
}

#[test]
fn a_subscribers_seconds_are_recorded_without_charge() {
	new_test_ext().execute_with(|| {
		assert_ok!(PaymentHandler::subscribe(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, SUBSCRIPTION_PRICE));
		assert_ok!(TickStream::join_stream(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE));
		set_now_secs(1_060);
		let balance = Balances::balance(&VIEWER);
		// Even a limit below the rate does not matter: nothing is charged per second.
		assert_ok!(TickStream::record_tick(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, 60, 0));
		assert_eq!(TickCount::<Test>::get(SUBSCRIBABLE), 60);
		assert_eq!(Balances::balance(&VIEWER), balance);
		assert_eq!(StreamEarnings::<Test>::get(SUBSCRIBABLE), SUBSCRIPTION_PRICE);
		System::assert_last_event(
			Event::TickRecorded { stream_id: SUBSCRIBABLE, viewer: VIEWER, ticks: 60, amount: 0 }.into(),
		);
		// Once the hour is over, seconds are charged again.
		set_now_secs(1_000 + 3_600);
		assert_ok!(TickStream::record_tick(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, 60, RATE));
		assert_eq!(Balances::balance(&VIEWER), balance - RATE);
	});
}
