//! Base weights of blocks, extrinsics and database access for this runtime.

pub use frame_support::weights::constants::{BlockExecutionWeight, ExtrinsicBaseWeight, RocksDbWeight};
