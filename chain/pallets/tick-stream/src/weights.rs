//! Weights for the tick stream.
//!
//! Hand-derived, not benchmarked: storage reads and writes priced with the runtime's `DbWeight`
//! plus a fixed execution cost. `record_tick` includes the payment it makes (two account writes and
//! the stream's earnings).

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// What each call of this pallet costs.
pub trait WeightInfo {
	fn join_stream() -> Weight;
	fn leave_stream() -> Weight;
	fn record_tick() -> Weight;
}

/// Weights priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	// Reads StreamInfo, Sessions, Timestamp.Now; writes Sessions and StreamInfo (viewer count).
	fn join_stream() -> Weight {
		Weight::from_parts(20_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(3, 2))
	}
	// Reads and writes Sessions and StreamInfo.
	fn leave_stream() -> Weight {
		Weight::from_parts(18_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	// Reads Sessions, StreamInfo, Timestamp.Now, TickCount, StreamEarnings and both accounts;
	// writes Sessions, TickCount, StreamEarnings and both accounts.
	fn record_tick() -> Weight {
		Weight::from_parts(45_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(7, 5))
	}
}

/// For tests: the same shape without a runtime.
impl WeightInfo for () {
	fn join_stream() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
	}
	fn leave_stream() -> Weight {
		Weight::from_parts(18_000_000, 2_000)
	}
	fn record_tick() -> Weight {
		Weight::from_parts(45_000_000, 4_000)
	}
}
