//! Weights of this runtime: base weights of blocks, extrinsics and database access, and the weights
//! `chain/benchmark.sh` measured for the FRAME and cumulus pallets it uses (the Vilokanam pallets keep
//! theirs in their own `weights.rs`).
//!
//! The base block and extrinsic weights are polkadot-sdk's reference values: polkadot-omni-node 0.24
//! does not offer `benchmark overhead` for runtimes it loads from a file. Storage is priced as ParityDB
//! on reference hardware (8 µs a read, 50 µs a write): the database polkadot-omni-node creates unless
//! told otherwise, and the one docs/deploy.md runs collators with.

pub use frame_support::weights::constants::{
	BlockExecutionWeight, ExtrinsicBaseWeight, ParityDbWeight,
};

pub mod cumulus_pallet_parachain_system;
pub mod cumulus_pallet_weight_reclaim;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
