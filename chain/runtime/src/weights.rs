//! How weight turns into fees.

use crate::Balance;
use frame_support::weights::{Weight, WeightToFee};

/// One unit of fee per thousand picoseconds of compute (`ref_time`): a `record_tick` costs about a
/// millionth of a VIL, well under 1 % of a second at the demo rate. Proof size is not charged: this
/// is a solo chain with no relay-chain proof limit.
pub struct TickWeightToFee;

impl WeightToFee for TickWeightToFee {
	type Balance = Balance;

	fn weight_to_fee(weight: &Weight) -> Balance {
		Balance::from(weight.ref_time() / 1_000)
	}
}
