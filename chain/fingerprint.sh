#!/usr/bin/env bash
# Prints the fingerprint of everything the runtime wasm is built from: a sha256 over the chain's
# Rust sources, manifests, lock file and build script. `build-wasm.sh` records it beside the wasm and
# `check-wasm-fresh.sh` compares it, so a source change without a rebuild fails CI.
set -euo pipefail
cd "$(dirname "$0")"
find . -path ./target -prune -o -type f \( -name '*.rs' -o -name 'Cargo.toml' -o -name 'Cargo.lock' -o -name 'build-wasm.sh' -o -name 'rust-toolchain*' \) -print \
	| LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1
