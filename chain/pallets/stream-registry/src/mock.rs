//! A test runtime with System, Balances and the stream registry. Streams 7 and up are "in use"
//! (see [`InUseFromSeven`]), so removal can be refused.

use crate as pallet_stream_registry;
use frame_support::{derive_impl, traits::ConstU32};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		StreamRegistry: pallet_stream_registry,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u128>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type ExistentialDeposit = frame_support::traits::ConstU128<1>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Stands in for the tick stream and payment handler: streams with ids from 7 are still in use.
pub struct InUseFromSeven;
impl crate::StreamInUse for InUseFromSeven {
	fn in_use(stream_id: crate::StreamId) -> bool {
		stream_id >= 7
	}
}

pub const DEPOSIT: u128 = 100;

impl pallet_stream_registry::Config for Test {
	type Balance = u128;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type StreamDeposit = frame_support::traits::ConstU128<DEPOSIT>;
	type StreamInUse = InUseFromSeven;
	type MaxTitleLen = ConstU32<16>;
	type MaxDescriptionLen = ConstU32<32>;
	type MaxCategoryLen = ConstU32<8>;
	type MaxStreamsPerCreator = ConstU32<2>;
	type WeightInfo = ();
}

pub const CREATOR: u64 = 1;
pub const OTHER: u64 = 2;
/// Has less than one deposit.
pub const POOR: u64 = 3;
pub const FUNDS: u128 = 10_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(CREATOR, FUNDS), (OTHER, FUNDS), (POOR, DEPOSIT / 2)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	// Events are only kept from block 1 on.
	ext.execute_with(|| System::set_block_number(1));
	ext
}
