//! Checks of the runtime as configured: the dev genesis and the size of fees.

use crate::configs::STREAM_DEPOSIT;
use crate::{
	genesis_config_presets::{CLUB_SUBSCRIPTION_PRICE, DEMO_RATE_PER_MINUTE, DEV_ENDOWMENT},
	Balances, PaymentHandler, RuntimeCall, RuntimeGenesisConfig, StreamRegistry,
	TransactionPayment, MILLI_UNIT,
};
use frame_support::traits::Get;
use frame_support::{
	dispatch::GetDispatchInfo,
	genesis_builder_helper::build_state,
	traits::fungible::{Inspect, InspectHold},
};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;

/// Applies a genesis patch to the default config, as the chain-spec builder does: objects merge key
/// by key, anything else is replaced.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

fn dev_genesis() -> sp_io::TestExternalities {
	let patch = crate::genesis_config_presets::preset(&DEV_RUNTIME_PRESET.into())
		.expect("the dev preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(&patch).unwrap());
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		build_state::<RuntimeGenesisConfig>(serde_json::to_vec(&config).unwrap())
			.expect("the dev preset builds")
	});
	ext
}

#[test]
fn dev_genesis_endows_dev_accounts_and_registers_bobs_stream() {
	dev_genesis().execute_with(|| {
		for account in [Sr25519Keyring::Alice, Sr25519Keyring::Ferdie] {
			assert_eq!(Balances::balance(&account.to_account_id()), DEV_ENDOWMENT);
		}
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_eq!(StreamRegistry::creator(1), Some(bob.clone()));
		let terms = StreamRegistry::terms(1).expect("stream 1 exists");
		assert!(terms.is_active);
		assert_eq!(terms.pricing_model.base_rate_per_minute, DEMO_RATE_PER_MINUTE);
		let club = StreamRegistry::terms(2).expect("stream 2 exists");
		assert_eq!(club.pricing_model.subscription_price, Some(CLUB_SUBSCRIPTION_PRICE));
		// Both streams' deposits are held from Bob.
		assert_eq!(Balances::total_balance_on_hold(&bob), 2 * STREAM_DEPOSIT);
		assert_eq!(Balances::balance(&PaymentHandler::escrow_account()), MILLI_UNIT);
	});
}

#[test]
fn a_ticks_fee_is_under_one_percent_of_the_second_it_pays_for() {
	dev_genesis().execute_with(|| {
		let call = RuntimeCall::TickStream(pallet_tick_stream::Call::record_tick {
			stream_id: 1,
			ticks: 1,
			max_rate_per_minute: DEMO_RATE_PER_MINUTE,
		});
		// A signed record_tick is about 150 bytes on the wire.
		let fee = TransactionPayment::compute_fee(150, &call.get_dispatch_info(), 0);
		assert!(fee > 0, "fees are real");
		assert!(
			fee * 100 < DEMO_RATE_PER_MINUTE / 60,
			"fee {fee} is 1 % or more of a second's price"
		);
	});
}

#[test]
fn every_call_has_a_nonzero_weight() {
	let calls = [
		RuntimeCall::TickStream(pallet_tick_stream::Call::join_stream {
			stream_id: 1,
			max_rate_per_minute: 1,
		}),
		RuntimeCall::TickStream(pallet_tick_stream::Call::leave_stream { stream_id: 1 }),
		RuntimeCall::TickStream(pallet_tick_stream::Call::close_session {
			stream_id: 1,
			viewer: Sr25519Keyring::Bob.to_account_id(),
		}),
		RuntimeCall::PaymentHandler(pallet_payment_handler::Call::end_subscription {
			stream_id: 1,
			subscriber: Sr25519Keyring::Bob.to_account_id(),
		}),
		RuntimeCall::StreamRegistry(pallet_stream_registry::Call::remove_stream { stream_id: 1 }),
		RuntimeCall::TickStream(pallet_tick_stream::Call::record_tick {
			stream_id: 1,
			ticks: 1,
			max_rate_per_minute: 1,
		}),
		RuntimeCall::PaymentHandler(pallet_payment_handler::Call::process_payment {
			stream_id: 1,
			amount: 1,
		}),
		RuntimeCall::PaymentHandler(pallet_payment_handler::Call::withdraw_earnings {
			stream_id: 1,
			amount: 1,
		}),
		RuntimeCall::PaymentHandler(pallet_payment_handler::Call::subscribe {
			stream_id: 1,
			max_price: 1,
		}),
		RuntimeCall::StreamRegistry(pallet_stream_registry::Call::update_stream_status {
			stream_id: 1,
			is_active: true,
		}),
	];
	for call in calls {
		let weight = call.get_dispatch_info().call_weight;
		assert!(weight.ref_time() > 0 && weight.proof_size() > 0, "{call:?} has weight {weight:?}");
	}
}

#[test]
fn the_published_interval_keeps_settlements_within_the_capacity() {
	let capacity = crate::configs::settlement_capacity() as u64;
	assert!(capacity > 0);
	let block_seconds = crate::MILLISECS_PER_BLOCK / 1000;
	let cap = <crate::Runtime as pallet_tick_stream::Config>::MaxSettlementInterval::get();
	for sessions in [1u32, 10, 100, 1_000, 10_000, 100_000, 1_000_000] {
		let interval = crate::TickStream::interval_for(sessions);
		let per_block = (sessions as u64 * block_seconds).div_ceil(interval as u64);
		assert!(
			per_block <= capacity || interval == cap,
			"{sessions} sessions every {interval} s need {per_block} settlements a block, {capacity} fit"
		);
		// And no wider than needed: one second less would not fit.
		if interval > 1 && interval < cap {
			assert!((sessions as u64 * block_seconds).div_ceil(interval as u64 - 1) > capacity);
		}
	}
}

#[test]
fn full_blocks_raise_fees_and_empty_ones_bring_them_back() {
	use crate::fees::FeeMultiplierUpdate;
	use frame_support::dispatch::DispatchClass;
	use pallet_transaction_payment::Multiplier;
	use sp_runtime::{
		traits::{Convert, One},
		FixedPointNumber,
	};

	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		let normal_max = crate::configs::RuntimeBlockWeights::get()
			.get(DispatchClass::Normal)
			.max_total
			.expect("the normal class is bounded");
		let one = Multiplier::one();
		// An empty block never takes fees below the base fee.
		assert_eq!(FeeMultiplierUpdate::convert(one), one);
		// A block full in proof size alone counts as full.
		frame_system::BlockWeight::<crate::Runtime>::mutate(|used| {
			used.set(
				frame_support::weights::Weight::from_parts(0, normal_max.proof_size()),
				DispatchClass::Normal,
			)
		});
		let mut multiplier = one;
		for _ in 0..600 {
			multiplier = FeeMultiplierUpdate::convert(multiplier);
		}
		// An hour of full blocks: about ×4.5.
		assert!(multiplier > Multiplier::saturating_from_integer(4), "{multiplier} after an hour");
		assert!(multiplier < Multiplier::saturating_from_integer(5), "{multiplier} after an hour");
		// And an hour of empty blocks brings the base fee back.
		frame_system::BlockWeight::<crate::Runtime>::kill();
		for _ in 0..600 {
			multiplier = FeeMultiplierUpdate::convert(multiplier);
		}
		assert_eq!(multiplier, one);
	});
}
