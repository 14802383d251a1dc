//! A test runtime with System, Timestamp, Balances and the three Vilokanam pallets.

use crate as pallet_tick_stream;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use pallet_stream_registry::PricingModel;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		StreamRegistry: pallet_stream_registry,
		PaymentHandler: pallet_payment_handler,
		TickStream: pallet_tick_stream,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u128>;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

pub const ED: u128 = 10;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type ExistentialDeposit = frame_support::traits::ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

impl pallet_stream_registry::Config for Test {
	type Balance = u128;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type StreamDeposit = frame_support::traits::ConstU128<STREAM_DEPOSIT>;
	type StreamInUse = (TickStream, PaymentHandler);
	type MaxTitleLen = ConstU32<16>;
	type MaxDescriptionLen = ConstU32<32>;
	type MaxCategoryLen = ConstU32<8>;
	type MaxStreamsPerCreator = ConstU32<4>;
	type WeightInfo = ();
}

parameter_types! {
	pub const EscrowPalletId: PalletId = PalletId(*b"vil/escr");
}

pub const SUBSCRIPTION_PRICE: u128 = 500;
pub const STREAM_DEPOSIT: u128 = 50;

impl pallet_payment_handler::Config for Test {
	type PalletId = EscrowPalletId;
	type SubscriptionPeriod = ConstU64<3_600_000>;
	type SubscriptionDeposit = frame_support::traits::ConstU128<5>;
	type Time = Timestamp;
	type OnSubscribed = TickStream;
	type WeightInfo = ();
}

pub const MAX_TICKS: u32 = 100;
pub const SLACK_SECS: u64 = 12;
/// A session holds 120 s of watching and flushes every 60 settled seconds.
pub const HELD_SECS: u32 = 120;
pub const FLUSH_SECS: u32 = 60;
pub const MAX_INTERVAL: u32 = 30;
/// Settlements a block takes: with 6 s blocks, 10 sessions fit settling every second.
pub const CAPACITY: u32 = 60;
pub const SESSION_DEPOSIT: u128 = 20;
pub const FEE_RESERVE: u128 = 30;
pub const IDLE_MS: u64 = 600_000;

impl pallet_tick_stream::Config for Test {
	type MaxTicksPerCall = ConstU32<MAX_TICKS>;
	type TickSlackSeconds = ConstU64<SLACK_SECS>;
	type HeldSeconds = ConstU32<HELD_SECS>;
	type FlushSeconds = ConstU32<FLUSH_SECS>;
	type MaxSettlementInterval = ConstU32<MAX_INTERVAL>;
	type SettlementCapacity = ConstU32<CAPACITY>;
	type ExpectedBlockTime = ConstU64<6_000>;
	type SessionDeposit = frame_support::traits::ConstU128<SESSION_DEPOSIT>;
	type FeeReserve = frame_support::traits::ConstU128<FEE_RESERVE>;
	type SessionIdleTimeout = ConstU64<IDLE_MS>;
	type WeightInfo = ();
}

pub const CREATOR: u64 = 1;
pub const VIEWER: u64 = 2;
/// Can hold a session (deposit + 120 s at RATE = 200) and keep the fee reserve, barely.
pub const POOR: u64 = 3;
pub const POOR_FUNDS: u128 = ED + SESSION_DEPOSIT + 200 + FEE_RESERVE;
pub const ANYONE: u64 = 4;
pub const STREAM: u128 = 1;
/// Offers a subscription at SUBSCRIPTION_PRICE per hour.
pub const SUBSCRIBABLE: u128 = 2;
/// Not a multiple of 60, so per-second charges leave remainders.
pub const RATE: u128 = 100;
pub const VIEWER_FUNDS: u128 = 1_000_000;

pub fn pricing(rate: u128) -> PricingModel<u128> {
	PricingModel {
		base_rate_per_minute: rate,
		premium_rate_per_minute: None,
		subscription_available: false,
		subscription_price: None,
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(CREATOR, 1_000), (VIEWER, VIEWER_FUNDS), (POOR, POOR_FUNDS), (ANYONE, 1_000)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_stream_registry::GenesisConfig::<Test> {
		streams: vec![
			(CREATOR, b"Live".to_vec(), vec![], vec![], pricing(RATE)),
			(
				CREATOR,
				b"Club".to_vec(),
				vec![],
				vec![],
				PricingModel {
					subscription_available: true,
					subscription_price: Some(SUBSCRIPTION_PRICE),
					..pricing(RATE)
				},
			),
		],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_payment_handler::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_now_secs(1_000);
	});
	ext
}

/// Sets chain time, in seconds (1_000 at genesis).
pub fn set_now_secs(secs: u64) {
	pallet_timestamp::Now::<Test>::put(secs * 1000);
}
