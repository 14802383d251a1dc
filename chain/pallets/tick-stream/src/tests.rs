use crate::{
	mock::*, ActiveSessions, CloseReason, Error, Event, HoldReason, Sessions, SettlementInterval, Totals,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold, Mutate},
};
use pallet_payment_handler::StreamEarnings;

fn join(who: u64) {
	assert_ok!(TickStream::join_stream(RuntimeOrigin::signed(who), STREAM, RATE));
}

fn tick(who: u64, ticks: u32) -> frame_support::dispatch::DispatchResultWithPostInfo {
	TickStream::record_tick(RuntimeOrigin::signed(who), STREAM, ticks, RATE)
}

/// Advances chain time by `secs` and settles that many seconds.
fn watch(who: u64, secs: u32) {
	let now = pallet_timestamp::Now::<Test>::get() / 1000;
	set_now_secs(now + secs as u64);
	assert_ok!(tick(who, secs));
}

fn paid_by(who: u64) -> u128 {
	Sessions::<Test>::get(STREAM, who).map_or(0, |s| s.paid)
}

fn held(reason: HoldReason, who: u64) -> u128 {
	Balances::balance_on_hold(&reason.into(), &who)
}

fn escrow_balance() -> u128 {
	Balances::balance(&PaymentHandler::escrow_account())
}

/// 120 s at 100 per minute.
const WINDOW: u128 = 200;

#[test]
fn join_holds_a_deposit_and_a_window_and_counts_the_viewer_once() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		System::assert_last_event(Event::ViewerJoined { stream_id: STREAM, viewer: VIEWER, held: WINDOW }.into());
		assert_eq!(held(HoldReason::SessionFunds, VIEWER), WINDOW);
		assert_eq!(held(HoldReason::SessionDeposit, VIEWER), SESSION_DEPOSIT);
		assert_eq!(Balances::balance(&VIEWER), VIEWER_FUNDS - WINDOW - SESSION_DEPOSIT);
		let events = System::events().len();
		join(VIEWER);
		assert_eq!(System::events().len(), events, "joining again emits nothing");
		assert_eq!(Totals::<Test>::get(STREAM).viewers, 1);
		assert_eq!(ActiveSessions::<Test>::get(), 1);
		let session = Sessions::<Test>::get(STREAM, VIEWER).unwrap();
		assert_eq!((session.billed_until, session.last_settled_at), (1_000_000, 1_000_000));
		assert_eq!((session.ticks, session.paid, session.owed, session.held), (0, 0, 0, WINDOW));
	});
}

#[test]
fn join_needs_an_active_stream_at_an_agreed_rate() {
	new_test_ext().execute_with(|| {
		let attempt = |stream, max_rate| TickStream::join_stream(RuntimeOrigin::signed(VIEWER), stream, max_rate);
		assert_noop!(attempt(99, RATE), Error::<Test>::StreamNotFound);
		assert_noop!(attempt(STREAM, RATE - 1), Error::<Test>::RateAboveLimit);
		assert_ok!(StreamRegistry::update_stream_status(RuntimeOrigin::signed(CREATOR), STREAM, false));
		assert_noop!(attempt(STREAM, RATE), Error::<Test>::StreamNotActive);
	});
}

#[test]
fn join_refuses_a_viewer_who_cannot_hold_a_window_and_keep_the_fee_reserve() {
	new_test_ext().execute_with(|| {
		Balances::set_balance(&ANYONE, POOR_FUNDS - 1);
		assert_noop!(
			TickStream::join_stream(RuntimeOrigin::signed(ANYONE), STREAM, RATE),
			Error::<Test>::InsufficientFunds
		);
		join(POOR);
		assert_eq!(Balances::balance(&POOR), ED + FEE_RESERVE);
	});
}

#[test]
fn a_settlement_charges_the_hold_and_writes_only_the_session() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		watch(VIEWER, 10);
		System::assert_last_event(
			Event::TickRecorded { stream_id: STREAM, viewer: VIEWER, ticks: 10, amount: 16 }.into(),
		);
		let session = Sessions::<Test>::get(STREAM, VIEWER).unwrap();
		// 10 s × 100 / 60 = 16, remainder 40.
		assert_eq!((session.ticks, session.paid, session.owed, session.carry), (10, 16, 16, 40));
		assert_eq!(session.unflushed_ticks, 10);
		assert_eq!(session.last_settled_at, 1_010_000);
		// Nothing moved: still on hold, the stream's aggregates untouched.
		assert_eq!(held(HoldReason::SessionFunds, VIEWER), WINDOW);
		assert_eq!(StreamEarnings::<Test>::get(STREAM), 0);
		assert_eq!(Totals::<Test>::get(STREAM).seconds, 0);
	});
}

#[test]
fn every_flush_seconds_the_payments_move_into_escrow_and_the_hold_is_refilled() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		watch(VIEWER, 30);
		watch(VIEWER, 30);
		System::assert_has_event(
			Event::SessionFlushed { stream_id: STREAM, viewer: VIEWER, ticks: 60, amount: 100 }.into(),
		);
		System::assert_has_event(
			pallet_payment_handler::Event::PaymentProcessed { stream_id: STREAM, payer: VIEWER, amount: 100 }
				.into(),
		);
		assert_eq!(StreamEarnings::<Test>::get(STREAM), 100);
		assert_eq!(escrow_balance(), ED + 100);
		assert_eq!(Totals::<Test>::get(STREAM).seconds, 60);
		let session = Sessions::<Test>::get(STREAM, VIEWER).unwrap();
		assert_eq!((session.owed, session.unflushed_ticks, session.held), (0, 0, WINDOW));
		assert_eq!(held(HoldReason::SessionFunds, VIEWER), WINDOW);
		assert_eq!(Balances::balance(&VIEWER), VIEWER_FUNDS - SESSION_DEPOSIT - WINDOW - 100);
	});
}

#[test]
fn leaving_flushes_what_is_owed_and_releases_the_rest() {
	new_test_ext().execute_with(|| {
		assert_noop!(TickStream::leave_stream(RuntimeOrigin::signed(VIEWER), STREAM), Error::<Test>::NotJoined);
		join(VIEWER);
		watch(VIEWER, 10);
		assert_ok!(TickStream::leave_stream(RuntimeOrigin::signed(VIEWER), STREAM));
		System::assert_last_event(Event::ViewerLeft { stream_id: STREAM, viewer: VIEWER }.into());
		assert_eq!(StreamEarnings::<Test>::get(STREAM), 16);
		assert_eq!(held(HoldReason::SessionFunds, VIEWER) + held(HoldReason::SessionDeposit, VIEWER), 0);
		assert_eq!(Balances::balance(&VIEWER), VIEWER_FUNDS - 16);
		assert_eq!(Totals::<Test>::get(STREAM), crate::StreamTotals { viewers: 0, seconds: 10 });
		assert_eq!(ActiveSessions::<Test>::get(), 0);
		assert!(Sessions::<Test>::get(STREAM, VIEWER).is_none());
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
	});
}

#[test]
fn record_tick_refuses_a_rate_above_either_limit() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		set_now_secs(1_010);
		assert_ok!(StreamRegistry::update_pricing(RuntimeOrigin::signed(CREATOR), STREAM, pricing(RATE + 1)));
		assert_noop!(tick(VIEWER, 1), Error::<Test>::RateAboveLimit);
		// Above the rate joined with, even if this call would accept it: join again to agree.
		assert_noop!(
			TickStream::record_tick(RuntimeOrigin::signed(VIEWER), STREAM, 1, RATE + 1),
			Error::<Test>::RateAboveLimit
		);
	});
}

#[test]
fn the_guard_counts_from_the_last_settlement_with_bounded_slack() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		// At the join itself only the slack is available, and settling again in the same block
		// does not renew it.
		assert_ok!(tick(VIEWER, SLACK_SECS as u32));
		assert_noop!(tick(VIEWER, 1), Error::<Test>::TicksExceedElapsedTime);
		set_now_secs(1_030);
		assert_ok!(tick(VIEWER, 30));
		assert_noop!(tick(VIEWER, 1), Error::<Test>::TicksExceedElapsedTime);
		// A session idle for an hour has banked only MaxSettlementInterval (+ slack).
		set_now_secs(1_030 + 3_600);
		assert_noop!(tick(VIEWER, MAX_INTERVAL + SLACK_SECS as u32 + 1), Error::<Test>::TicksExceedElapsedTime);
		assert_ok!(tick(VIEWER, MAX_INTERVAL + SLACK_SECS as u32));
		assert_eq!(Sessions::<Test>::get(STREAM, VIEWER).unwrap().ticks, 2 * SLACK_SECS + 30 + MAX_INTERVAL as u64);
	});
}

#[test]
fn a_viewer_watches_exactly_as_long_as_their_funds_allow() {
	new_test_ext().execute_with(|| {
		join(POOR);
		// The window holds 120 s; nothing more can be held while keeping the fee reserve.
		for _ in 0..4 {
			assert_ok!({
				let now = pallet_timestamp::Now::<Test>::get() / 1000;
				set_now_secs(now + 30);
				tick(POOR, 30)
			});
		}
		set_now_secs(pallet_timestamp::Now::<Test>::get() / 1000 + 30);
		assert_noop!(tick(POOR, 30), Error::<Test>::InsufficientFunds);
		assert_eq!(StreamEarnings::<Test>::get(STREAM), WINDOW);
		assert_eq!(Balances::balance(&POOR), ED + FEE_RESERVE, "the fee reserve is left to leave with");
		assert_ok!(TickStream::leave_stream(RuntimeOrigin::signed(POOR), STREAM));
	});
}

#[test]
fn money_has_no_drift_at_a_constant_rate() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		let mut total = 0u128;
		// Uneven batches, mostly single seconds as the extension sends them, crossing flushes.
		for (i, batch) in [1u32, 1, 1, 7, 1, 13, 29, 1, 1, 2, 30, 1, 3, 1, 1].iter().cycle().take(200).enumerate() {
			watch(VIEWER, *batch);
			total += *batch as u128;
			assert_eq!(paid_by(VIEWER), total * RATE / 60, "after call {i}");
			let session = Sessions::<Test>::get(STREAM, VIEWER).unwrap();
			assert!(session.carry < 60);
			assert_eq!(StreamEarnings::<Test>::get(STREAM) + session.owed, session.paid);
			assert_eq!(u128::from(Totals::<Test>::get(STREAM).seconds) + u128::from(session.unflushed_ticks), total);
		}
		assert_ok!(TickStream::leave_stream(RuntimeOrigin::signed(VIEWER), STREAM));
		assert_eq!(Balances::balance(&VIEWER), VIEWER_FUNDS - total * RATE / 60);
		assert_eq!(StreamEarnings::<Test>::get(STREAM), total * RATE / 60);
	});
}

#[test]
fn money_has_no_drift_across_rate_changes() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		let mut owed_times_60 = 0u128;
		for (rate, seconds) in [(100u128, 7u32), (37, 11), (1, 5), (59, 3), (100, 1)] {
			assert_ok!(StreamRegistry::update_pricing(RuntimeOrigin::signed(CREATOR), STREAM, pricing(rate)));
			for _ in 0..seconds {
				set_now_secs(pallet_timestamp::Now::<Test>::get() / 1000 + 1);
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
		for n in 1..=20u32 {
			watch(VIEWER, n);
			let earned = StreamEarnings::<Test>::get(STREAM);
			if n % 5 == 0 && earned >= 2 {
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
		assert_ok!(TickStream::join_stream(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, RATE));
		System::assert_last_event(Event::ViewerJoined { stream_id: SUBSCRIBABLE, viewer: VIEWER, held: 0 }.into());
		let balance = Balances::balance(&VIEWER);
		for _ in 0..2 {
			set_now_secs(pallet_timestamp::Now::<Test>::get() / 1000 + 30);
			// Even a limit below the rate does not matter: nothing is charged per second.
			assert_ok!(TickStream::record_tick(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, 30, 0));
		}
		assert_eq!(Totals::<Test>::get(SUBSCRIBABLE).seconds, 60, "flushed like paid seconds");
		assert_eq!(Balances::balance(&VIEWER), balance);
		assert_eq!(StreamEarnings::<Test>::get(SUBSCRIBABLE), SUBSCRIPTION_PRICE);
		// Once the hour is over, seconds are charged again, from a hold taken then.
		set_now_secs(1_000 + 3_600 + 30);
		assert_ok!(TickStream::record_tick(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, 30, RATE));
		System::assert_last_event(
			Event::TickRecorded { stream_id: SUBSCRIBABLE, viewer: VIEWER, ticks: 30, amount: 50 }.into(),
		);
		assert_eq!(Sessions::<Test>::get(SUBSCRIBABLE, VIEWER).unwrap().held, 50 + WINDOW);
	});
}

#[test]
fn subscribing_while_joined_stops_the_charges() {
	new_test_ext().execute_with(|| {
		assert_ok!(TickStream::join_stream(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, RATE));
		set_now_secs(1_030);
		assert_ok!(TickStream::record_tick(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, 30, RATE));
		assert_eq!(Sessions::<Test>::get(SUBSCRIBABLE, VIEWER).unwrap().paid, 50);
		assert_ok!(PaymentHandler::subscribe(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, SUBSCRIPTION_PRICE));
		set_now_secs(1_060);
		assert_ok!(TickStream::record_tick(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, 30, RATE));
		assert_eq!(Sessions::<Test>::get(SUBSCRIBABLE, VIEWER).unwrap().paid, 50);
	});
}

#[test]
fn anyone_may_close_an_idle_session_or_one_of_a_stopped_stream() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		watch(VIEWER, 10);
		let close = || TickStream::close_session(RuntimeOrigin::signed(ANYONE), STREAM, VIEWER);
		assert_noop!(close(), Error::<Test>::SessionNotClosable);
		set_now_secs(1_010 + IDLE_MS / 1000);
		assert_ok!(close());
		System::assert_last_event(
			Event::SessionClosed { stream_id: STREAM, viewer: VIEWER, reason: CloseReason::Idle }.into(),
		);
		assert_eq!(StreamEarnings::<Test>::get(STREAM), 16);
		assert_eq!(Balances::balance(&VIEWER), VIEWER_FUNDS - 16);
		assert_noop!(close(), Error::<Test>::NotJoined);

		join(VIEWER);
		assert_ok!(StreamRegistry::update_stream_status(RuntimeOrigin::signed(CREATOR), STREAM, false));
		assert_ok!(close());
		System::assert_last_event(
			Event::SessionClosed { stream_id: STREAM, viewer: VIEWER, reason: CloseReason::StreamStopped }.into(),
		);
		assert_eq!(held(HoldReason::SessionFunds, VIEWER), 0, "a stopped stream releases the hold");
	});
}

#[test]
fn the_settlement_interval_widens_with_the_load_up_to_its_cap() {
	new_test_ext().execute_with(|| {
		// 60 settlements a 6 s block: 10 sessions settle every second.
		assert_eq!(TickStream::interval_for(0), 1);
		assert_eq!(TickStream::interval_for(10), 1);
		assert_eq!(TickStream::interval_for(11), 2);
		assert_eq!(TickStream::interval_for(250), 25);
		assert_eq!(TickStream::interval_for(1_000_000), MAX_INTERVAL);

		let viewers: Vec<u64> = (100..111).collect();
		for viewer in &viewers {
			Balances::set_balance(viewer, 10_000);
			join(*viewer);
		}
		assert_eq!(SettlementInterval::<Test>::get(), 2);
		System::assert_has_event(Event::SettlementIntervalChanged { seconds: 2 }.into());
		assert_ok!(TickStream::leave_stream(RuntimeOrigin::signed(viewers[0]), STREAM));
		assert_eq!(SettlementInterval::<Test>::get(), 1);
	});
}

#[test]
fn a_stream_with_viewers_cannot_be_removed() {
	new_test_ext().execute_with(|| {
		join(VIEWER);
		watch(VIEWER, 10);
		let creator = || RuntimeOrigin::signed(CREATOR);
		assert_ok!(StreamRegistry::update_stream_status(creator(), STREAM, false));
		assert_noop!(
			StreamRegistry::remove_stream(creator(), STREAM),
			pallet_stream_registry::Error::<Test>::StreamInUse
		);
		assert_ok!(TickStream::close_session(RuntimeOrigin::signed(CREATOR), STREAM, VIEWER));
		assert_noop!(
			StreamRegistry::remove_stream(creator(), STREAM),
			pallet_stream_registry::Error::<Test>::StreamInUse
		);
		assert_ok!(PaymentHandler::withdraw_earnings(creator(), STREAM, 16));
		assert_ok!(StreamRegistry::remove_stream(creator(), STREAM));
	});
}
