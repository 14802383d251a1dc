//! The Vilokanam pallets: streams, their per-second ticks, and the escrow that pays creators.

use crate::{Balance, Balances, Runtime, Timestamp};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};

parameter_types! {
	pub const EscrowPalletId: PalletId = PalletId(*b"vil/escr");
}

impl pallet_stream_registry::Config for Runtime {
	type Balance = Balance;
	type MaxTitleLen = ConstU32<128>;
	type MaxDescriptionLen = ConstU32<1024>;
	type MaxCategoryLen = ConstU32<64>;
	type MaxStreamsPerCreator = ConstU32<100>;
	type WeightInfo = pallet_stream_registry::weights::SubstrateWeight<Runtime>;
}

impl pallet_payment_handler::Config for Runtime {
	type Currency = Balances;
	type PalletId = EscrowPalletId;
	/// A subscription lasts 30 days of chain time.
	type SubscriptionPeriod = ConstU64<{ 30 * 24 * 60 * 60 * 1000 }>;
	type Time = Timestamp;
	type WeightInfo = pallet_payment_handler::weights::SubstrateWeight<Runtime>;
}

impl pallet_tick_stream::Config for Runtime {
	/// An hour of seconds queued while the chain was unreachable settles in one call.
	type MaxTicksPerCall = ConstU32<3600>;
	/// Two 6-second blocks.
	type TickSlackSeconds = ConstU64<12>;
	type WeightInfo = pallet_tick_stream::weights::SubstrateWeight<Runtime>;
}
