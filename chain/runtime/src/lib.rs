//! # The Vilokanam runtime
//!
//! A Polkadot parachain runtime for per-second stream payments, in the shape of the polkadot-sdk
//! parachain template (stable2609): cumulus parachain system with an unincluded-segment consensus
//! hook for 6-second blocks, Aura block authoring by collators chosen by `pallet-collator-selection`
//! and rotated by `pallet-session`, storage-weight reclaim around the transaction extensions,
//! `CheckMetadataHash`, and the three Vilokanam pallets — StreamRegistry, TickStream and
//! PaymentHandler.
//!
//! It is built to wasm by `chain/build-wasm.sh` and runs unchanged in `polkadot-omni-node` (a real
//! node: `npm run chain -- --engine node`, or a collator in production) and in chopsticks (the
//! zero-install simulator behind `npm run chain`). Clients reach it over standard Substrate JSON-RPC.

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` expands recursively.
#![recursion_limit = "256"]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
mod apis;
pub mod configs;
pub mod fees;
pub mod genesis_config_presets;
pub mod weights;

#[cfg(test)]
mod tests;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiSignature,
};
use sp_version::RuntimeVersion;

pub use apis::RUNTIME_API_VERSIONS;
pub use sp_consensus_aura::sr25519::AuthorityId as AuraId;

/// How accounts sign: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// An account is the public key that signs for it.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Amounts, in the smallest unit (1 VIL = 10^12).
pub type Balance = u128;
/// Transactions an account has sent.
pub type Nonce = u32;
/// Block heights.
pub type BlockNumber = u32;
/// Block and state hashes.
pub type Hash = sp_core::H256;

/// One VIL, the chain's token, in its smallest unit (12 decimals).
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a VIL.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// A millionth of a VIL.
pub const MICRO_UNIT: Balance = UNIT / 1_000_000;
/// The smallest balance an account may hold.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;
/// The token's symbol and decimals, for chain specs (`system_properties`) and the metadata hash.
pub const TOKEN_SYMBOL: &str = "VIL";
pub const TOKEN_DECIMALS: u8 = 12;
/// Addresses are shown in the generic Substrate format.
pub const SS58_PREFIX: u16 = 42;

/// The runtime's version: bump `spec_version` whenever the runtime's behaviour changes.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("vilokanam"),
	impl_name: Cow::Borrowed("vilokanam"),
	authoring_version: 1,
	spec_version: 2,
	impl_version: 1,
	apis: RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// The block time we aim for: one parachain block per relay-chain slot (asynchronous backing).
pub const MILLISECS_PER_BLOCK: u64 = 6000;
/// Aura slots last one block. It cannot change once the chain has started.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
/// Relay-chain slots are 6 seconds on Polkadot, Kusama and Paseo.
pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;
/// Parachain blocks the relay chain may back per relay block.
pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
/// Blocks that may be built on top of the last one included in the relay chain.
pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;

/// Time measured in blocks.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;

/// The checks and charges every signed transaction goes through. `StorageWeightReclaim` wraps
/// them so that the proof size a transaction really used (measured by the node) replaces its
/// benchmarked worst case once it has run; it also reclaims unused `ref_time`.
pub type TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim<
	Runtime,
	(
		frame_system::CheckNonZeroSender<Runtime>,
		frame_system::CheckSpecVersion<Runtime>,
		frame_system::CheckTxVersion<Runtime>,
		frame_system::CheckGenesis<Runtime>,
		frame_system::CheckEra<Runtime>,
		frame_system::CheckNonce<Runtime>,
		frame_system::CheckWeight<Runtime>,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
		// A signer that includes the metadata hash signs only what the runtime's own metadata
		// describes: a node that lies about the metadata makes the signature invalid.
		frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	),
>;

pub type Address = sp_runtime::MultiAddress<AccountId, ()>;
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
>;

/// Opaque types for the node: it needs blocks and headers, not what is inside extrinsics.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
}

impl_opaque_keys! {
	/// The keys a collator registers with `Session.set_keys`: its Aura key.
	pub struct SessionKeys {
		pub aura: Aura,
	}
}

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// System.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type ParachainSystem = cumulus_pallet_parachain_system;
	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type ParachainInfo = parachain_info;
	#[runtime::pallet_index(4)]
	pub type WeightReclaim = cumulus_pallet_weight_reclaim;

	// Money.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;

	// Governance and batching.
	#[runtime::pallet_index(15)]
	pub type Sudo = pallet_sudo;
	#[runtime::pallet_index(16)]
	pub type Utility = pallet_utility;

	// Collators. The order of these four matters: authorship before selection before session
	// before Aura, so each sees the others' state of this block.
	#[runtime::pallet_index(20)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(21)]
	pub type CollatorSelection = pallet_collator_selection;
	#[runtime::pallet_index(22)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(23)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(24)]
	pub type AuraExt = cumulus_pallet_aura_ext;

	// Vilokanam.
	#[runtime::pallet_index(50)]
	pub type StreamRegistry = pallet_stream_registry;
	#[runtime::pallet_index(51)]
	pub type TickStream = pallet_tick_stream;
	#[runtime::pallet_index(52)]
	pub type PaymentHandler = pallet_payment_handler;
}

cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}
