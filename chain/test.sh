#!/usr/bin/env bash
# The chain's Rust tests: the committed wasm must match the sources, then every pallet's and the
# runtime's tests. Cargo's target dir lives outside the clone so reruns are incremental.
set -euo pipefail
cd "$(dirname "$0")"
./check-wasm-fresh.sh
CARGO_TARGET_DIR="${VILOKANAM_CACHE:-$HOME/.cache/vilokanam}/target-native" cargo test --locked --workspace
