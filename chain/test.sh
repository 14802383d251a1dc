#!/usr/bin/env bash
# The chain's Rust gates and tests: the committed wasm must match the sources; rustfmt and clippy
# (warnings are errors); then every pallet's and the runtime's tests, with the `runtime-benchmarks`
# feature so each benchmark runs once as a test too. Cargo's target dir lives outside the clone so
# reruns are incremental.
set -euo pipefail
cd "$(dirname "$0")"
./check-wasm-fresh.sh
export CARGO_TARGET_DIR="${VILOKANAM_CACHE:-$HOME/.cache/vilokanam}/target-native"
cargo fmt --all --check
cargo clippy --locked --workspace --all-targets --features runtime-benchmarks -- -D warnings
cargo test --locked --workspace --features runtime-benchmarks
