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
}

impl pallet_stream_registry::Config for Test {
	type Balance = u128;
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

impl pallet_payment_handler::Config for Test {
	type Currency = Balances;
	type PalletId = EscrowPalletId;
	type SubscriptionPeriod = ConstU64<3_600_000>;
	type Time = Timestamp;
	type WeightInfo = ();
}

pub const MAX_TICKS: u32 = 100;
pub const SLACK_SECS: u64 = 12;

impl pallet_tick_stream::Config for Test {
	type MaxTicksPerCall = ConstU32<MAX_TICKS>;
	type TickSlackSeconds = ConstU64<SLACK_SECS>;
	type WeightInfo = ();
}

pub const CREATOR: u64 = 1;
pub const VIEWER: u64 = 2;
pub const POOR: u64 = 3;
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
		balances: vec![(CREATOR, 1_000), (VIEWER, VIEWER_FUNDS), (POOR, 12)],
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

/// Sets chain time, in seconds.
pub fn set_now_secs(secs: u64) {
	pallet_timestamp::Now::<Test>::put(secs * 1000);
}
