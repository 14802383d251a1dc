//! The Vilokanam pallets: streams, their per-second settlements, and the escrow that pays creators.

use crate::{
	configs::RuntimeBlockWeights, fees::TargetBlockFullness, Balance, Balances, PaymentHandler,
	Runtime, RuntimeHoldReason, TickStream, Timestamp, MILLISECS_PER_BLOCK, MILLI_UNIT, UNIT,
};
use frame_support::{
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
	weights::Weight,
	PalletId,
};
use frame_system::ExtensionsWeightInfo;
use pallet_tick_stream::weights::WeightInfo as _;
use pallet_transaction_payment::WeightInfo as _;
use sp_runtime::Perbill;

parameter_types! {
	pub const EscrowPalletId: PalletId = PalletId(*b"vil/escr");
	pub SettlementCapacity: u32 = settlement_capacity();
}

/// A registered stream's storage (about 1.3 KB at most) costs its creator 1 VIL while it exists.
pub const STREAM_DEPOSIT: Balance = UNIT;
/// A viewer's session, and a subscription, each cost 0.01 VIL while stored.
pub const SESSION_DEPOSIT: Balance = 10 * MILLI_UNIT;
pub const SUBSCRIPTION_DEPOSIT: Balance = 10 * MILLI_UNIT;
/// A session leaves its viewer 0.01 VIL free: about ten thousand settlements' fees, and always
/// enough to leave.
pub const FEE_RESERVE: Balance = 10 * MILLI_UNIT;

impl pallet_stream_registry::Config for Runtime {
	type Balance = Balance;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type StreamDeposit = ConstU128<STREAM_DEPOSIT>;
	type StreamInUse = (TickStream, PaymentHandler);
	type MaxTitleLen = ConstU32<128>;
	type MaxDescriptionLen = ConstU32<1024>;
	type MaxCategoryLen = ConstU32<64>;
	type MaxStreamsPerCreator = ConstU32<100>;
	type WeightInfo = pallet_stream_registry::weights::SubstrateWeight<Runtime>;
}

impl pallet_payment_handler::Config for Runtime {
	type PalletId = EscrowPalletId;
	/// A subscription lasts 30 days of chain time.
	type SubscriptionPeriod = ConstU64<{ 30 * 24 * 60 * 60 * 1000 }>;
	type SubscriptionDeposit = ConstU128<SUBSCRIPTION_DEPOSIT>;
	type Time = Timestamp;
	type OnSubscribed = TickStream;
	type WeightInfo = pallet_payment_handler::weights::SubstrateWeight<Runtime>;
}

impl pallet_tick_stream::Config for Runtime {
	type MaxTicksPerCall = ConstU32<3600>;
	/// Two 6-second blocks.
	type TickSlackSeconds = ConstU64<12>;
	/// Ten minutes of watching on hold: 1 VIL at the demo's 0.1 VIL a minute.
	type HeldSeconds = ConstU32<600>;
	/// Settled seconds reach the creator's escrow every two minutes of watching.
	type FlushSeconds = ConstU32<120>;
	/// At most five minutes between settlements, however busy the chain.
	type MaxSettlementInterval = ConstU32<300>;
	type SettlementCapacity = SettlementCapacity;
	type ExpectedBlockTime = ConstU64<MILLISECS_PER_BLOCK>;
	type SessionDeposit = ConstU128<SESSION_DEPOSIT>;
	type FeeReserve = ConstU128<FEE_RESERVE>;
	/// Half an hour without a settlement.
	type SessionIdleTimeout = ConstU64<{ 30 * 60 * 1000 }>;
	type WeightInfo = pallet_tick_stream::weights::SubstrateWeight<Runtime>;
}

/// What one signed settlement costs the block: the base extrinsic, every transaction extension,
/// and `record_tick` itself (its common case, which writes only the session).
pub fn settlement_weight() -> Weight {
	type Extensions = <Runtime as frame_system::Config>::ExtensionsWeightInfo;
	let extensions = Extensions::check_non_zero_sender()
		.saturating_add(Extensions::check_spec_version())
		.saturating_add(Extensions::check_tx_version())
		.saturating_add(Extensions::check_genesis())
		.saturating_add(Extensions::check_mortality_mortal_transaction())
		.saturating_add(Extensions::check_nonce())
		.saturating_add(Extensions::check_weight())
		.saturating_add(Extensions::weight_reclaim())
		.saturating_add(<Runtime as pallet_transaction_payment::Config>::WeightInfo::charge_transaction_payment());
	RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.base_extrinsic
		.saturating_add(extensions)
		.saturating_add(<Runtime as pallet_tick_stream::Config>::WeightInfo::record_tick())
}

/// Settlements that fit in the share of a block the chain aims to fill (`TargetBlockFullness` of
/// the normal transactions' share), in whichever of compute and proof size runs out first. The
/// tick stream widens the settlement interval to stay within it.
pub fn settlement_capacity() -> u32 {
	let normal = RuntimeBlockWeights::get().get(DispatchClass::Normal).max_total.unwrap_or_default();
	let target = Perbill::from_parts((TargetBlockFullness::get().deconstruct() / 1_000_000_000) as u32);
	let budget = target * normal;
	let per = settlement_weight();
	let fits = |budget: u64, per: u64| budget / per.max(1);
	fits(budget.ref_time(), per.ref_time()).min(fits(budget.proof_size(), per.proof_size())) as u32
}
