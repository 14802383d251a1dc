//! Genesis presets. `development`: the standard dev accounts endowed, Alice as sudo, stream 1
//! registered by Bob and active, so demos and tests have something to watch from block 0, and
//! stream 2, Bob's too, which also offers a subscription.

use crate::{
	AccountId, BalancesConfig, RuntimeGenesisConfig, StreamRegistryConfig, SudoConfig, UNIT,
};
use alloc::{vec, vec::Vec};
use pallet_stream_registry::PricingModel;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

/// What each dev account starts with: a million VIL.
pub const DEV_ENDOWMENT: crate::Balance = 1_000_000 * UNIT;
/// Stream 1's price: a tenth of a VIL per minute. Not a multiple of 60, so per-second charges
/// exercise the carried remainder.
pub const DEMO_RATE_PER_MINUTE: crate::Balance = UNIT / 10;
pub const DEMO_STREAM_TITLE: &str = "Vilokanam Demo Stream";
/// Stream 2's subscription: one VIL for the runtime's subscription period.
pub const CLUB_SUBSCRIPTION_PRICE: crate::Balance = UNIT;

fn development() -> serde_json::Value {
	let endowed: Vec<(AccountId, crate::Balance)> =
		Sr25519Keyring::iter().map(|k| (k.to_account_id(), DEV_ENDOWMENT)).collect();
	let per_second_only = PricingModel {
		base_rate_per_minute: DEMO_RATE_PER_MINUTE,
		premium_rate_per_minute: None,
		subscription_available: false,
		subscription_price: None,
	};
	let demo_stream = (
		Sr25519Keyring::Bob.to_account_id(),
		DEMO_STREAM_TITLE.as_bytes().to_vec(),
		b"A local stream for trying Vilokanam Meter".to_vec(),
		b"demo".to_vec(),
		per_second_only.clone(),
	);
	let club_stream = (
		Sr25519Keyring::Bob.to_account_id(),
		b"Vilokanam Club Stream".to_vec(),
		b"A local stream that also offers a subscription".to_vec(),
		b"demo".to_vec(),
		PricingModel {
			subscription_available: true,
			subscription_price: Some(CLUB_SUBSCRIPTION_PRICE),
			..per_second_only
		},
	);
	frame_support::build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed },
		sudo: SudoConfig { key: Some(Sr25519Keyring::Alice.to_account_id()) },
		stream_registry: StreamRegistryConfig { streams: vec![demo_stream, club_stream] },
	})
}

/// The preset's JSON patch, if `id` names one.
pub fn preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development(),
		_ => return None,
	};
	Some(serde_json::to_vec(&patch).expect("a JSON value serialises"))
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET)]
}
