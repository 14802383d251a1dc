//! Genesis presets, built into the runtime so that chain specs come from it (`chain-spec-builder`,
//! omni-node, `npm run chain`).
//!
//! - `development`: Alice…Ferdie endowed, Alice as sudo and the one collator (Aura key //Alice),
//!   stream 1 registered by Bob and active, so demos and tests have something to watch from block 0,
//!   and stream 2, Bob's too, which also offers a subscription.
//! - `local_testnet`: the same accounts and streams with two collators, Alice and Bob, as a local
//!   network of two collator nodes would run.

use crate::{
	AccountId, AuraId, BalancesConfig, CollatorSelectionConfig, ParachainInfoConfig, RuntimeGenesisConfig,
	SessionConfig, SessionKeys, StreamRegistryConfig, SudoConfig, EXISTENTIAL_DEPOSIT, UNIT,
};
use alloc::{vec, vec::Vec};
use cumulus_primitives_core::ParaId;
use pallet_stream_registry::PricingModel;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

/// The parachain id the presets use. A chain registered on Paseo or Polkadot gets its own id from
/// the relay chain's registrar; the chain spec carries it (docs/deploy.md).
pub const PARA_ID: u32 = 2000;
/// What each dev account starts with: a million VIL.
pub const DEV_ENDOWMENT: crate::Balance = 1_000_000 * UNIT;
/// Stream 1's price: a tenth of a VIL per minute. Not a multiple of 60, so per-second charges
/// exercise the carried remainder.
pub const DEMO_RATE_PER_MINUTE: crate::Balance = UNIT / 10;
pub const DEMO_STREAM_TITLE: &str = "Vilokanam Demo Stream";
/// Stream 2's subscription: one VIL for the runtime's subscription period.
pub const CLUB_SUBSCRIPTION_PRICE: crate::Balance = UNIT;

/// The streams both presets register: Bob's demo stream (1) and his club stream (2).
fn demo_streams() -> Vec<pallet_stream_registry::GenesisStream<crate::Runtime>> {
	let per_second_only = PricingModel {
		base_rate_per_minute: DEMO_RATE_PER_MINUTE,
		premium_rate_per_minute: None,
		subscription_available: false,
		subscription_price: None,
	};
	let bob = Sr25519Keyring::Bob.to_account_id();
	vec![
		(
			bob.clone(),
			DEMO_STREAM_TITLE.as_bytes().to_vec(),
			b"A local stream for trying Vilokanam Meter".to_vec(),
			b"demo".to_vec(),
			per_second_only.clone(),
		),
		(
			bob,
			b"Vilokanam Club Stream".to_vec(),
			b"A local stream that also offers a subscription".to_vec(),
			b"demo".to_vec(),
			PricingModel {
				subscription_available: true,
				subscription_price: Some(CLUB_SUBSCRIPTION_PRICE),
				..per_second_only
			},
		),
	]
}

/// A genesis with every dev account endowed, the given collators (account and Aura key), Alice
/// as sudo and the demo streams.
fn testnet_genesis(collators: &[Sr25519Keyring]) -> serde_json::Value {
	let endowed: Vec<(AccountId, crate::Balance)> =
		Sr25519Keyring::iter().map(|k| (k.to_account_id(), DEV_ENDOWMENT)).collect();
	let session_keys: Vec<(AccountId, AccountId, SessionKeys)> = collators
		.iter()
		.map(|k| {
			let account = k.to_account_id();
			let aura: AuraId = k.public().into();
			(account.clone(), account, SessionKeys { aura })
		})
		.collect();
	frame_support::build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed },
		parachain_info: ParachainInfoConfig { parachain_id: ParaId::from(PARA_ID) },
		collator_selection: CollatorSelectionConfig {
			invulnerables: collators.iter().map(|k| k.to_account_id()).collect(),
			candidacy_bond: EXISTENTIAL_DEPOSIT * 16,
		},
		session: SessionConfig { keys: session_keys },
		sudo: SudoConfig { key: Some(Sr25519Keyring::Alice.to_account_id()) },
		stream_registry: StreamRegistryConfig { streams: demo_streams() },
	})
}

/// The preset's JSON patch, if `id` names one.
pub fn preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => testnet_genesis(&[Sr25519Keyring::Alice]),
		LOCAL_TESTNET_RUNTIME_PRESET => testnet_genesis(&[Sr25519Keyring::Alice, Sr25519Keyring::Bob]),
		_ => return None,
	};
	Some(serde_json::to_vec(&patch).expect("a JSON value serialises"))
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
