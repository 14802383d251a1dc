
//! Weights of `pallet_tick_stream`, measured by `polkadot-omni-node benchmark pallet` (chain/benchmark.sh).
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
//!   pallet_tick_stream
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
//!   /work/main/chain/pallets/tick-stream/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// What each call of this pallet costs.
pub trait WeightInfo {
	fn join_stream() -> Weight;
	fn leave_stream() -> Weight;
	fn record_tick() -> Weight;
	fn record_tick_and_flush() -> Weight;
	fn close_session() -> Weight;
}

/// The measured weights, with storage priced by the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `StreamRegistry::Terms` (r:1 w:0)
	/// Proof: `StreamRegistry::Terms` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::Sessions` (r:1 w:1)
	/// Proof: `TickStream::Sessions` (`max_values`: None, `max_size`: Some(212), added: 2687, mode: `MaxEncodedLen`)
	/// Storage: `PaymentHandler::Subscriptions` (r:1 w:0)
	/// Proof: `PaymentHandler::Subscriptions` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::Totals` (r:1 w:1)
	/// Proof: `TickStream::Totals` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::ActiveSessions` (r:1 w:1)
	/// Proof: `TickStream::ActiveSessions` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::SettlementInterval` (r:1 w:1)
	/// Proof: `TickStream::SettlementInterval` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn join_stream() -> Weight {
		// Proof size: measured `420`, estimated `3677` bytes.
		// Fastest run: 123_003_000 ps.
		Weight::from_parts(128_541_000, 3677)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `TickStream::Sessions` (r:1 w:1)
	/// Proof: `TickStream::Sessions` (`max_values`: None, `max_size`: Some(212), added: 2687, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PaymentHandler::StreamEarnings` (r:1 w:1)
	/// Proof: `PaymentHandler::StreamEarnings` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::Totals` (r:1 w:1)
	/// Proof: `TickStream::Totals` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::ActiveSessions` (r:1 w:1)
	/// Proof: `TickStream::ActiveSessions` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::SettlementInterval` (r:1 w:1)
	/// Proof: `TickStream::SettlementInterval` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn leave_stream() -> Weight {
		// Proof size: measured `690`, estimated `3677` bytes.
		// Fastest run: 152_997_000 ps.
		Weight::from_parts(158_275_000, 3677)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(7))
	}
	/// Storage: `TickStream::Sessions` (r:1 w:1)
	/// Proof: `TickStream::Sessions` (`max_values`: None, `max_size`: Some(212), added: 2687, mode: `MaxEncodedLen`)
	/// Storage: `StreamRegistry::Terms` (r:1 w:0)
	/// Proof: `StreamRegistry::Terms` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	fn record_tick() -> Weight {
		// Proof size: measured `615`, estimated `3677` bytes.
		// Fastest run: 21_401_000 ps.
		Weight::from_parts(22_904_000, 3677)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `TickStream::Sessions` (r:1 w:1)
	/// Proof: `TickStream::Sessions` (`max_values`: None, `max_size`: Some(212), added: 2687, mode: `MaxEncodedLen`)
	/// Storage: `StreamRegistry::Terms` (r:1 w:0)
	/// Proof: `StreamRegistry::Terms` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PaymentHandler::StreamEarnings` (r:1 w:1)
	/// Proof: `PaymentHandler::StreamEarnings` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::Totals` (r:1 w:1)
	/// Proof: `TickStream::Totals` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn record_tick_and_flush() -> Weight {
		// Proof size: measured `942`, estimated `3677` bytes.
		// Fastest run: 126_107_000 ps.
		Weight::from_parts(129_473_000, 3677)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `TickStream::Sessions` (r:1 w:1)
	/// Proof: `TickStream::Sessions` (`max_values`: None, `max_size`: Some(212), added: 2687, mode: `MaxEncodedLen`)
	/// Storage: `StreamRegistry::Terms` (r:1 w:0)
	/// Proof: `StreamRegistry::Terms` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `PaymentHandler::StreamEarnings` (r:1 w:1)
	/// Proof: `PaymentHandler::StreamEarnings` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::Totals` (r:1 w:1)
	/// Proof: `TickStream::Totals` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::ActiveSessions` (r:1 w:1)
	/// Proof: `TickStream::ActiveSessions` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::SettlementInterval` (r:1 w:1)
	/// Proof: `TickStream::SettlementInterval` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn close_session() -> Weight {
		// Proof size: measured `942`, estimated `3677` bytes.
		// Fastest run: 159_377_000 ps.
		Weight::from_parts(163_303_000, 3677)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(7))
	}
}

/// The same weights for tests and mocks, with storage priced by `RocksDbWeight`.
impl WeightInfo for () {
	fn join_stream() -> Weight {
		Weight::from_parts(128_541_000, 3677)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn leave_stream() -> Weight {
		Weight::from_parts(158_275_000, 3677)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(7))
	}
	fn record_tick() -> Weight {
		Weight::from_parts(22_904_000, 3677)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn record_tick_and_flush() -> Weight {
		Weight::from_parts(129_473_000, 3677)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn close_session() -> Weight {
		Weight::from_parts(163_303_000, 3677)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(7))
	}
}
