//! A test runtime with System, Balances, the stream registry and the payment handler.

use crate as pallet_payment_handler;
use frame_support::{derive_impl, parameter_types, traits::ConstU32, PalletId};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		StreamRegistry: pallet_stream_registry,
		PaymentHandler: pallet_payment_handler,
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
	type StreamInUse = PaymentHandler;
	type MaxTitleLen = ConstU32<16>;
	type MaxDescriptionLen = ConstU32<32>;
	type MaxCategoryLen = ConstU32<8>;
	type MaxStreamsPerCreator = ConstU32<4>;
	type WeightInfo = ();
}

parameter_types! {
	pub const EscrowPalletId: PalletId = PalletId(*b"vil/escr");
}

pub const PERIOD_MS: u64 = 60_000;
pub const SUBSCRIPTION_PRICE: u128 = 50;
pub const SUBSCRIPTION_DEPOSIT: u128 = 5;
pub const STREAM_DEPOSIT: u128 = 100;

impl pallet_payment_handler::Config for Test {
	type PalletId = EscrowPalletId;
	type SubscriptionPeriod = frame_support::traits::ConstU64<PERIOD_MS>;
	type SubscriptionDeposit = frame_support::traits::ConstU128<SUBSCRIPTION_DEPOSIT>;
	type Time = Timestamp;
	type OnSubscribed = ();
	type WeightInfo = ();
}

pub const CREATOR: u64 = 1;
pub const VIEWER: u64 = 2;
pub const POOR: u64 = 3;
pub const STREAM: u128 = 1;
/// A stream that offers a subscription.
pub const SUBSCRIBABLE: u128 = 2;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		// The creator's 1_000 are free once both stream deposits are held.
		balances: vec![(CREATOR, 1_000 + 2 * STREAM_DEPOSIT), (VIEWER, 1_000), (POOR, 15)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_stream_registry::GenesisConfig::<Test> {
		streams: vec![
			(
				CREATOR,
				b"Live".to_vec(),
				vec![],
				vec![],
				pallet_stream_registry::PricingModel {
					base_rate_per_minute: 60,
					premium_rate_per_minute: None,
					subscription_available: false,
					subscription_price: None,
				},
			),
			(
				CREATOR,
				b"Club".to_vec(),
				vec![],
				vec![],
				pallet_stream_registry::PricingModel {
					base_rate_per_minute: 60,
					premium_rate_per_minute: None,
					subscription_available: true,
					subscription_price: Some(SUBSCRIPTION_PRICE),
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
		set_now_ms(1_000_000);
	});
	ext
}

/// Sets chain time.
pub fn set_now_ms(ms: u64) {
	pallet_timestamp::Now::<Test>::put(ms);
}
