
//! Weights of `pallet_stream_registry`, measured by `polkadot-omni-node benchmark pallet` (chain/benchmark.sh).
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
//!   pallet_stream_registry
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
//!   /work/main/chain/pallets/stream-registry/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// What each call of this pallet costs.
pub trait WeightInfo {
	fn register_stream(l: u32, ) -> Weight;
	fn update_stream_status() -> Weight;
	fn update_pricing() -> Weight;
	fn remove_stream() -> Weight;
}

/// The measured weights, with storage priced by the runtime's `DbWeight`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `StreamRegistry::NextStreamId` (r:1 w:1)
	/// Proof: `StreamRegistry::NextStreamId` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `StreamRegistry::CreatorStreams` (r:1 w:1)
	/// Proof: `StreamRegistry::CreatorStreams` (`max_values`: None, `max_size`: Some(1650), added: 4125, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `StreamRegistry::Terms` (r:0 w:1)
	/// Proof: `StreamRegistry::Terms` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `StreamRegistry::StreamInfo` (r:0 w:1)
	/// Proof: `StreamRegistry::StreamInfo` (`max_values`: None, `max_size`: Some(1306), added: 3781, mode: `MaxEncodedLen`)
	/// `l` ranges over `[0, 1216]`.
	fn register_stream(l: u32, ) -> Weight {
		// Proof size: measured `1897`, estimated `5115` bytes.
		// Fastest run: 76_053_000 ps.
		Weight::from_parts(80_368_227, 5115)
			.saturating_add(Weight::from_parts(2_032, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `StreamRegistry::StreamInfo` (r:1 w:0)
	/// Proof: `StreamRegistry::StreamInfo` (`max_values`: None, `max_size`: Some(1306), added: 3781, mode: `MaxEncodedLen`)
	/// Storage: `StreamRegistry::Terms` (r:1 w:1)
	/// Proof: `StreamRegistry::Terms` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	fn update_stream_status() -> Weight {
		// Proof size: measured `435`, estimated `4771` bytes.
		// Fastest run: 15_372_000 ps.
		Weight::from_parts(16_425_000, 4771)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `StreamRegistry::StreamInfo` (r:1 w:0)
	/// Proof: `StreamRegistry::StreamInfo` (`max_values`: None, `max_size`: Some(1306), added: 3781, mode: `MaxEncodedLen`)
	/// Storage: `StreamRegistry::Terms` (r:1 w:1)
	/// Proof: `StreamRegistry::Terms` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	fn update_pricing() -> Weight {
		// Proof size: measured `435`, estimated `4771` bytes.
		// Fastest run: 15_503_000 ps.
		Weight::from_parts(16_604_000, 4771)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `StreamRegistry::StreamInfo` (r:1 w:1)
	/// Proof: `StreamRegistry::StreamInfo` (`max_values`: None, `max_size`: Some(1306), added: 3781, mode: `MaxEncodedLen`)
	/// Storage: `StreamRegistry::Terms` (r:1 w:1)
	/// Proof: `StreamRegistry::Terms` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `TickStream::Totals` (r:1 w:0)
	/// Proof: `TickStream::Totals` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `PaymentHandler::StreamEarnings` (r:1 w:0)
	/// Proof: `PaymentHandler::StreamEarnings` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `StreamRegistry::CreatorStreams` (r:1 w:1)
	/// Proof: `StreamRegistry::CreatorStreams` (`max_values`: None, `max_size`: Some(1650), added: 4125, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn remove_stream() -> Weight {
		// Proof size: measured `3459`, estimated `5115` bytes.
		// Fastest run: 83_735_000 ps.
		Weight::from_parts(88_462_000, 5115)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(4))
	}
}

/// The same weights for tests and mocks, with storage priced by `RocksDbWeight`.
impl WeightInfo for () {
	fn register_stream(l: u32, ) -> Weight {
		Weight::from_parts(80_368_227, 5115)
			.saturating_add(Weight::from_parts(2_032, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn update_stream_status() -> Weight {
		Weight::from_parts(16_425_000, 4771)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn update_pricing() -> Weight {
		Weight::from_parts(16_604_000, 4771)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn remove_stream() -> Weight {
		Weight::from_parts(88_462_000, 5115)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
}
