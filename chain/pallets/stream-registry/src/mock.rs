//! A test runtime with just System and the stream registry.

use crate as pallet_stream_registry;
use frame_support::{derive_impl, traits::ConstU32};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		StreamRegistry: pallet_stream_registry,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_stream_registry::Config for Test {
	type Balance = u128;
	type MaxTitleLen = ConstU32<16>;
	type MaxDescriptionLen = ConstU32<32>;
	type MaxCategoryLen = ConstU32<8>;
	type MaxStreamsPerCreator = ConstU32<2>;
	type WeightInfo = ();
}

pub const CREATOR: u64 = 1;
pub const OTHER: u64 = 2;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	// Events are only kept from block 1 on.
	ext.execute_with(|| System::set_block_number(1));
	ext
}
