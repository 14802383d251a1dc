//! How weight turns into fees, and how fees rise while blocks stay full.
//!
//! A parachain block is bounded twice: by compute (`ref_time`, 2 s) and by the proof of validity
//! the relay chain checks (`proof_size`, `MAX_POV_SIZE`). A transaction pays for the larger share
//! of a block it takes in either dimension, so filling blocks with proof-heavy calls costs what
//! filling them with compute-heavy calls costs. While blocks stay fuller than
//! [`TargetBlockFullness`], a multiplier raises every fee block after block; it falls back to 1 as
//! blocks empty.

use crate::{configs::MAXIMUM_BLOCK_WEIGHT, Balance, Runtime, MILLI_UNIT};
use frame_support::{
	parameter_types,
	weights::{Weight, WeightToFee as WeightToFeeT},
};
use pallet_transaction_payment::{Multiplier, TargetedFeeAdjustment};
use sp_runtime::{traits::One, FixedPointNumber, Perquintill};

/// What a transaction taking a whole block in its scarcer dimension pays (before the multiplier):
/// 0.002 VIL, so a `record_tick` costs about a millionth of a VIL.
pub const FULL_BLOCK_FEE: Balance = 2 * MILLI_UNIT;

/// The fee for a weight: its share of the block in the dimension it uses most, times
/// [`FULL_BLOCK_FEE`].
pub struct WeightToFee;

impl WeightToFeeT for WeightToFee {
	type Balance = Balance;

	fn weight_to_fee(weight: &Weight) -> Balance {
		let share = |used: u64, max: u64| {
			FULL_BLOCK_FEE.saturating_mul(used as Balance) / (max as Balance).max(1)
		};
		share(weight.ref_time(), MAXIMUM_BLOCK_WEIGHT.ref_time())
			.max(share(weight.proof_size(), MAXIMUM_BLOCK_WEIGHT.proof_size()))
	}
}

parameter_types! {
	/// Fees rise while blocks are more than three quarters full (of the normal transactions'
	/// share). The tick stream widens its settlement interval to keep viewers' settlements within
	/// this share, so a growing audience does not raise fees; whatever fills blocks beyond it does.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(75);
	/// How fast: with every block full, fees grow about 4.5× an hour (600 blocks), ninety-fold in
	/// three hours; as blocks empty they fall back as fast, never below the base fee.
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(1, 100);
	pub MinimumMultiplier: Multiplier = Multiplier::one();
	pub MaximumMultiplier: Multiplier = Multiplier::saturating_from_integer(100_000);
}

/// Updates `TransactionPayment.NextFeeMultiplier` at the end of every block.
pub type FeeMultiplierUpdate = TargetedFeeAdjustment<
	Runtime,
	TargetBlockFullness,
	AdjustmentVariable,
	MinimumMultiplier,
	MaximumMultiplier,
>;
