#!/usr/bin/env bash
# Builds polkadot-omni-node 0.24.0 (the polkadot-sdk stable2609 release the runtime uses) from
# crates.io with cargo, with the `runtime-benchmarks` feature that chain/benchmark.sh needs, into
# ~/.cache/vilokanam/omni-node/bin. It takes about 1.5–3 hours on 2 cores and ~15 GB of disk; nothing
# else runs it for you. Then point the scripts at it:
#   export POLKADOT_OMNI_NODE=~/.cache/vilokanam/omni-node/bin/polkadot-omni-node
set -euo pipefail
version=0.24.0
root="${VILOKANAM_CACHE:-$HOME/.cache/vilokanam}/omni-node"

packages=(clang libclang-dev protobuf-compiler)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
	echo "installing ${missing[*]} (the node's RocksDB bindings and networking need them)"
	sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${packages[@]}"
fi
command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }

echo "building polkadot-omni-node $version into $root/bin — about 1.5–3 hours on 2 cores"
# The node runs runtimes from their chain spec; it needs no wasm of its own.
SKIP_WASM_BUILD=1 cargo install --locked --root "$root" --features runtime-benchmarks "polkadot-omni-node@$version"
echo "done: export POLKADOT_OMNI_NODE=$root/bin/polkadot-omni-node"
