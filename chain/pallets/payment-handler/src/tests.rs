use crate::{mock::*, Error, Event, HoldReason, StreamEarnings, Subscription, Subscriptions};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use pallet_stream_registry::StreamInUse;

fn escrow_balance() -> u128 {
	Balances::balance(&PaymentHandler::escrow_account())
}

/// Escrow balance ≥ ED + Σ StreamEarnings.
fn assert_escrow_covers_earnings() {
	let owed: u128 = StreamEarnings::<Test>::iter_values().sum();
	assert!(escrow_balance() >= ED + owed, "escrow {} < ED + earnings {}", escrow_balance(), owed);
}

#[test]
fn genesis_endows_the_escrow_with_the_existential_deposit() {
	new_test_ext().execute_with(|| {
		assert_eq!(escrow_balance(), ED);
	});
}

#[test]
fn process_payment_moves_balance_into_the_streams_earnings() {
	new_test_ext().execute_with(|| {
		assert_ok!(PaymentHandler::process_payment(RuntimeOrigin::signed(VIEWER), STREAM, 100));
		assert_eq!(Balances::balance(&VIEWER), 900);
		assert_eq!(escrow_balance(), ED + 100);
		assert_eq!(StreamEarnings::<Test>::get(STREAM), 100);
		System::assert_last_event(Event::PaymentProcessed { stream_id: STREAM, payer: VIEWER, amount: 100 }.into());
		assert_escrow_covers_earnings();
	});
}

#[test]
fn process_payment_errors_change_nothing() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			PaymentHandler::process_payment(RuntimeOrigin::signed(VIEWER), 99, 1),
			Error::<Test>::StreamNotFound
		);
		assert_noop!(
			PaymentHandler::process_payment(RuntimeOrigin::signed(VIEWER), STREAM, 0),
			Error::<Test>::ZeroAmount
		);
		// POOR has 15 and must keep ED = 10: 6 is one too many.
		assert_noop!(
			PaymentHandler::process_payment(RuntimeOrigin::signed(POOR), STREAM, 6),
			Error::<Test>::InsufficientFunds
		);
		assert_ok!(PaymentHandler::process_payment(RuntimeOrigin::signed(POOR), STREAM, 5));
		assert_eq!(Balances::balance(&POOR), ED);
	});
}

#[test]
fn withdraw_earnings_pays_the_creator_only() {
	new_test_ext().execute_with(|| {
		assert_ok!(PaymentHandler::process_payment(RuntimeOrigin::signed(VIEWER), STREAM, 100));
		assert_noop!(
			PaymentHandler::withdraw_earnings(RuntimeOrigin::signed(VIEWER), STREAM, 10),
			Error::<Test>::Unauthorized
		);
		assert_noop!(
			PaymentHandler::withdraw_earnings(RuntimeOrigin::signed(CREATOR), 99, 10),
			Error::<Test>::StreamNotFound
		);
		assert_noop!(
			PaymentHandler::withdraw_earnings(RuntimeOrigin::signed(CREATOR), STREAM, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			PaymentHandler::withdraw_earnings(RuntimeOrigin::signed(CREATOR), STREAM, 101),
			Error::<Test>::InsufficientEarnings
		);
		assert_ok!(PaymentHandler::withdraw_earnings(RuntimeOrigin::signed(CREATOR), STREAM, 60));
		assert_eq!(Balances::balance(&CREATOR), 1_060);
		assert!(PaymentHandler::in_use(STREAM), "earnings are left");
		assert_eq!(StreamEarnings::<Test>::get(STREAM), 40);
		System::assert_last_event(Event::EarningsWithdrawn { stream_id: STREAM, creator: CREATOR, amount: 60 }.into());
		assert_escrow_covers_earnings();
		assert_ok!(PaymentHandler::withdraw_earnings(RuntimeOrigin::signed(CREATOR), STREAM, 40));
		assert_eq!(escrow_balance(), ED);
		assert!(!PaymentHandler::in_use(STREAM), "everything is withdrawn");
	});
}

#[test]
fn subscribe_pays_the_price_into_earnings_for_one_period() {
	new_test_ext().execute_with(|| {
		assert_ok!(PaymentHandler::subscribe(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, SUBSCRIPTION_PRICE));
		assert_eq!(Balances::balance(&VIEWER), 1_000 - SUBSCRIPTION_PRICE - SUBSCRIPTION_DEPOSIT);
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::SubscriptionDeposit.into(), &VIEWER),
			SUBSCRIPTION_DEPOSIT
		);
		assert_eq!(StreamEarnings::<Test>::get(SUBSCRIBABLE), SUBSCRIPTION_PRICE);
		assert_eq!(
			Subscriptions::<Test>::get(SUBSCRIBABLE, VIEWER),
			Some(Subscription { expires_at: 1_000_000 + PERIOD_MS, deposit: SUBSCRIPTION_DEPOSIT })
		);
		System::assert_last_event(
			Event::Subscribed {
				stream_id: SUBSCRIBABLE,
				subscriber: VIEWER,
				price: SUBSCRIPTION_PRICE,
				expires_at: 1_000_000 + PERIOD_MS,
			}
			.into(),
		);
		assert_eq!(PaymentHandler::subscription_end(SUBSCRIBABLE, &VIEWER), Some(1_000_000 + PERIOD_MS));
		assert_eq!(PaymentHandler::subscription_end(STREAM, &VIEWER), None);
		assert_escrow_covers_earnings();
	});
}

#[test]
fn subscribing_again_extends_from_the_current_end() {
	new_test_ext().execute_with(|| {
		assert_ok!(PaymentHandler::subscribe(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, SUBSCRIPTION_PRICE));
		set_now_ms(1_000_000 + PERIOD_MS / 2);
		assert_ok!(PaymentHandler::subscribe(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, SUBSCRIPTION_PRICE));
		let subscription = Subscriptions::<Test>::get(SUBSCRIBABLE, VIEWER).unwrap();
		assert_eq!(subscription.expires_at, 1_000_000 + 2 * PERIOD_MS);
		// One entry, one deposit.
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::SubscriptionDeposit.into(), &VIEWER),
			SUBSCRIPTION_DEPOSIT
		);
	});
}

#[test]
fn subscribe_errors_change_nothing() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			PaymentHandler::subscribe(RuntimeOrigin::signed(VIEWER), 99, 1_000),
			Error::<Test>::StreamNotFound
		);
		assert_noop!(
			PaymentHandler::subscribe(RuntimeOrigin::signed(VIEWER), STREAM, 1_000),
			Error::<Test>::SubscriptionUnavailable
		);
		assert_noop!(
			PaymentHandler::subscribe(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, SUBSCRIPTION_PRICE - 1),
			Error::<Test>::PriceAboveLimit
		);
		assert_noop!(
			PaymentHandler::subscribe(RuntimeOrigin::signed(POOR), SUBSCRIBABLE, SUBSCRIPTION_PRICE),
			Error::<Test>::InsufficientFunds
		);
	});
}

#[test]
fn end_subscription_removes_an_expired_one_and_returns_the_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(PaymentHandler::subscribe(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, SUBSCRIPTION_PRICE));
		let anyone = || RuntimeOrigin::signed(POOR);
		assert_noop!(
			PaymentHandler::end_subscription(anyone(), SUBSCRIBABLE, VIEWER),
			Error::<Test>::SubscriptionActive
		);
		assert_noop!(PaymentHandler::end_subscription(anyone(), STREAM, VIEWER), Error::<Test>::NotSubscribed);
		set_now_ms(1_000_000 + PERIOD_MS);
		assert_ok!(PaymentHandler::end_subscription(anyone(), SUBSCRIBABLE, VIEWER));
		assert!(Subscriptions::<Test>::get(SUBSCRIBABLE, VIEWER).is_none());
		assert_eq!(Balances::balance_on_hold(&HoldReason::SubscriptionDeposit.into(), &VIEWER), 0);
		assert_eq!(Balances::balance(&VIEWER), 1_000 - SUBSCRIPTION_PRICE);
		System::assert_last_event(Event::SubscriptionEnded { stream_id: SUBSCRIBABLE, subscriber: VIEWER }.into());
	});
}

#[test]
fn pay_from_hold_moves_held_funds_into_the_streams_earnings() {
	new_test_ext().execute_with(|| {
		use frame_support::traits::fungible::MutateHold;
		let reason: RuntimeHoldReason = HoldReason::SubscriptionDeposit.into();
		assert_ok!(Balances::hold(&reason, &VIEWER, 300));
		assert_ok!(PaymentHandler::pay_from_hold(&VIEWER, STREAM, 120, &reason));
		assert_eq!(Balances::balance_on_hold(&reason, &VIEWER), 180);
		assert_eq!(Balances::balance(&VIEWER), 700, "free balance is untouched");
		assert_eq!(StreamEarnings::<Test>::get(STREAM), 120);
		System::assert_last_event(Event::PaymentProcessed { stream_id: STREAM, payer: VIEWER, amount: 120 }.into());
		assert_escrow_covers_earnings();
		// More than is held fails and changes nothing.
		assert!(PaymentHandler::pay_from_hold(&VIEWER, STREAM, 181, &reason).is_err());
		assert_eq!(StreamEarnings::<Test>::get(STREAM), 120);
	});
}
