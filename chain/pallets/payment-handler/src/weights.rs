
//! Weights of `pallet_payment_handler`, measured by `polkadot-omni-node benchmark pallet` (chain/benchmark.sh).
//!
//! Generated on 2026-11-30 by benchmark CLI 64.0.0: 50 steps, 20 repeats,
//! wasm execution `Compiled`, on `vm` (AMD EPYC). Re-run
//! chain/benchmark.sh on reference hardware before a production release.
//!
//! The command:
//!   /root/.cache/polkadot-omni-node/0.24.0-d559467a2938fd0e1de7fb1b933fc9590aae19a9b98090f2aea00fc87439459b/polkadot-omni-node
//!   benchmark
//!   pallet
//!   --runtime
//!   /root/.cache/vilokanam/vilokanam_runtime-runtime-benchmarks.wasm
//!   --genesis-builder
//!   runtime
//!   --genesis-builder-preset
//!   development
//!   --pallet
//!   pallet_payment_handler
//!   --extrinsic
//!   *
//!   --steps
//!   50
//!   --repeat
//!   20
//!   --wasm-execution
//!   compiled
//!   --template
//!   /work/main/chain/pallet-weight-template.hbs
//!   --output
//!   /work/main/chain/pallets/payment-handler/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// What each call of this pallet costs.
pub trait WeightInfo {
	fn process_payment() -> Weight;
	fn withdraw_earnings() -> Weight;
	fn subscribe() -> Weight;
	fn end_subscription() -> Weight;
}

/// The measured weights, with storage priced by the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `StreamRegistry::Terms` (r:1 w:0)
	/// Proof: `StreamRegistry::Terms` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PaymentHandler::StreamEarnings` (r:1 w:1)
	/// Proof: `PaymentHandler::StreamEarnings` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	fn process_payment() -> Weight {
		// Proof size: measured `416`, estimated `3593` bytes.
		// Fastest run: 59_738_000 ps.
		Weight::from_parts(62_733_000, 3593)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `StreamRegistry::StreamInfo` (r:1 w:0)
	/// Proof: `StreamRegistry::StreamInfo` (`max_values`: None, `max_size`: Some(1306), added: 3781, mode: `MaxEncodedLen`)
	/// Storage: `PaymentHandler::StreamEarnings` (r:1 w:1)
	/// Proof: `PaymentHandler::StreamEarnings` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn withdraw_earnings() -> Weight {
		// Proof size: measured `611`, estimated `6196` bytes.
		// Fastest run: 64_406_000 ps.
		Weight::from_parts(67_440_000, 6196)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `StreamRegistry::Terms` (r:1 w:0)
	/// Proof: `StreamRegistry::Terms` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PaymentHandler::StreamEarnings` (r:1 w:1)
	/// Proof: `PaymentHandler::StreamEarnings` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `PaymentHandler::Subscriptions` (r:1 w:1)
	/// Proof: `PaymentHandler::Subscriptions` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::Sessions` (r:1 w:1)
	/// Proof: `TickStream::Sessions` (`max_values`: None, `max_size`: Some(212), added: 2687, mode: `MaxEncodedLen`)
	fn subscribe() -> Weight {
		// Proof size: measured `551`, estimated `3677` bytes.
		// Fastest run: 118_697_000 ps.
		Weight::from_parts(123_964_000, 3677)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `PaymentHandler::Subscriptions` (r:1 w:1)
	/// Proof: `PaymentHandler::Subscriptions` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn end_subscription() -> Weight {
		// Proof size: measured `399`, estimated `3604` bytes.
		// Fastest run: 53_700_000 ps.
		Weight::from_parts(55_913_000, 3604)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
}

/// The same weights for tests and mocks, with storage priced by `RocksDbWeight`.
impl WeightInfo for () {
	fn process_payment() -> Weight {
		Weight::from_parts(62_733_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn withdraw_earnings() -> Weight {
		Weight::from_parts(67_440_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn subscribe() -> Weight {
		Weight::from_parts(123_964_000, 3677)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn end_subscription() -> Weight {
		Weight::from_parts(55_913_000, 3604)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
}
