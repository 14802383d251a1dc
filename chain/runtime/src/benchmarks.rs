//! The pallets `polkadot-omni-node benchmark pallet` measures for this runtime (chain/benchmark.sh
//! runs them and writes `weights/` and each Vilokanam pallet's `weights.rs`).

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_transaction_payment, TransactionPayment]
	[cumulus_pallet_weight_reclaim, WeightReclaim]
	[cumulus_pallet_parachain_system, ParachainSystem]
	[pallet_utility, Utility]
	[pallet_sudo, Sudo]
	[pallet_stream_registry, StreamRegistry]
	[pallet_payment_handler, PaymentHandler]
	[pallet_tick_stream, TickStream]
);

use crate::{ParachainSystem, Runtime, System};
use alloc::vec::Vec;
use frame_benchmarking::BenchmarkError;

/// `set_code` on a parachain stores the new code until the relay chain's go-ahead.
impl frame_system_benchmarking::Config for Runtime {
	fn setup_set_code_requirements(code: &Vec<u8>) -> Result<(), BenchmarkError> {
		ParachainSystem::initialize_for_set_code_benchmark(code.len() as u32);
		Ok(())
	}

	fn verify_set_code() {
		System::assert_last_event(cumulus_pallet_parachain_system::Event::<Runtime>::ValidationFunctionStored.into());
	}
}

impl pallet_transaction_payment::BenchmarkConfig for Runtime {}
