//! Weights for the stream registry.
//!
//! Hand-derived, not benchmarked: each call's storage reads and writes priced with the runtime's
//! `DbWeight`, plus a fixed execution cost (and, for `register_stream`, a per-byte cost for the text
//! it validates and stores). Proof sizes are the `MaxEncodedLen` of what each call touches.

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// What each call of this pallet costs.
pub trait WeightInfo {
	/// `text_len`: title, description and category bytes together.
	fn register_stream(text_len: u32) -> Weight;
	fn update_stream_status() -> Weight;
	fn update_pricing() -> Weight;
}

/// Weights priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	// Reads NextStreamId, CreatorStreams; writes both and StreamInfo, plus the event.
	fn register_stream(text_len: u32) -> Weight {
		Weight::from_parts(25_000_000, 6_000)
			.saturating_add(Weight::from_parts(2_000u64.saturating_mul(text_len as u64), 0))
			.saturating_add(T::DbWeight::get().reads_writes(2, 3))
	}
	// Reads and writes StreamInfo.
	fn update_stream_status() -> Weight {
		Weight::from_parts(15_000_000, 1_400).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	// Reads and writes StreamInfo.
	fn update_pricing() -> Weight {
		Weight::from_parts(16_000_000, 1_400).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
}

/// For tests: the same shape without a runtime.
impl WeightInfo for () {
	fn register_stream(text_len: u32) -> Weight {
		Weight::from_parts(25_000_000 + 2_000 * text_len as u64, 6_000)
	}
	fn update_stream_status() -> Weight {
		Weight::from_parts(15_000_000, 1_400)
	}
	fn update_pricing() -> Weight {
		Weight::from_parts(16_000_000, 1_400)
	}
}
