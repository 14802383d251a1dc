//! Weights for the payment handler.
//!
//! Hand-derived, not benchmarked: storage reads and writes priced with the runtime's `DbWeight`
//! plus a fixed execution cost. Two account writes per call: the payer (or escrow) and the payee.

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// What each call of this pallet costs.
pub trait WeightInfo {
	fn process_payment() -> Weight;
	fn withdraw_earnings() -> Weight;
	fn subscribe() -> Weight;
}

/// Weights priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	// Reads StreamInfo, both accounts, StreamEarnings; writes both accounts and StreamEarnings.
	fn process_payment() -> Weight {
		Weight::from_parts(40_000_000, 3_600).saturating_add(T::DbWeight::get().reads_writes(4, 3))
	}
	// Reads StreamInfo, StreamEarnings, both accounts; writes StreamEarnings and both accounts.
	fn withdraw_earnings() -> Weight {
		Weight::from_parts(40_000_000, 3_600).saturating_add(T::DbWeight::get().reads_writes(4, 3))
	}
	// A payment plus reading Timestamp.Now and reading and writing Subscriptions.
	fn subscribe() -> Weight {
		Weight::from_parts(50_000_000, 3_800).saturating_add(T::DbWeight::get().reads_writes(6, 4))
	}
}

/// For tests: the same shape without a runtime.
impl WeightInfo for () {
	fn process_payment() -> Weight {
		Weight::from_parts(40_000_000, 3_600)
	}
	fn withdraw_earnings() -> Weight {
		Weight::from_parts(40_000_000, 3_600)
	}
	fn subscribe() -> Weight {
		Weight::from_parts(50_000_000, 3_800)
	}
}
