use crate::{mock::*, Error, Event, StreamEarnings, Subscriptions};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};

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
		assert_eq!(StreamEarnings::<Test>::get(STREAM), 40);
		System::assert_last_event(Event::EarningsWithdrawn { stream_id: STREAM, creator: CREATOR, amount: 60 }.into());
		assert_escrow_covers_earnings();
		assert_ok!(PaymentHandler::withdraw_earnings(RuntimeOrigin::signed(CREATOR), STREAM, 40));
		assert_eq!(escrow_balance(), ED);
	});
}

#[test]
fn subscribe_pays_the_price_into_earnings_for_one_period() {
	new_test_ext().execute_with(|| {
		assert_ok!(PaymentHandler::subscribe(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, SUBSCRIPTION_PRICE));
		assert_eq!(Balances::balance(&VIEWER), 1_000 - SUBSCRIPTION_PRICE);
		assert_eq!(StreamEarnings::<Test>::get(SUBSCRIBABLE), SUBSCRIPTION_PRICE);
		assert_eq!(Subscriptions::<Test>::get(SUBSCRIBABLE, VIEWER), Some(1_000_000 + PERIOD_MS));
		System::assert_last_event(
			Event::Subscribed {
				stream_id: SUBSCRIBABLE,
				subscriber: VIEWER,
				price: SUBSCRIPTION_PRICE,
				expires_at: 1_000_000 + PERIOD_MS,
			}
			.into(),
		);
		assert!(PaymentHandler::is_subscribed(SUBSCRIBABLE, &VIEWER));
		assert!(!PaymentHandler::is_subscribed(STREAM, &VIEWER));
		set_now_ms(1_000_000 + PERIOD_MS);
		assert!(!PaymentHandler::is_subscribed(SUBSCRIBABLE, &VIEWER), "ends after one period");
		assert_escrow_covers_earnings();
	});
}

#[test]
fn subscribing_again_extends_from_the_current_end() {
	new_test_ext().execute_with(|| {
		assert_ok!(PaymentHandler::subscribe(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, SUBSCRIPTION_PRICE));
		set_now_ms(1_000_000 + PERIOD_MS / 2);
		assert_ok!(PaymentHandler::subscribe(RuntimeOrigin::signed(VIEWER), SUBSCRIBABLE, SUBSCRIPTION_PRICE));
		assert_eq!(Subscriptions::<Test>::get(SUBSCRIBABLE, VIEWER), Some(1_000_000 + 2 * PERIOD_MS));
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
