#!/usr/bin/env bash
# Builds the runtime to chain/vilokanam_runtime.wasm and records its source fingerprint.
#
# rustup cannot fetch wasm targets on our machines, so this uses Debian's rustc-web toolchain, which
# ships the standard library's source, and builds core+alloc for wasm with -Zbuild-std. The flags
# below are the ones substrate-wasm-builder would pass. Cargo's target dir lives outside the clone
# (VILOKANAM_CACHE, default ~/.cache/vilokanam) so rebuilds are incremental.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

packages=(rustc-web cargo-web rust-web-src lld-19)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
	echo "installing ${missing[*]} (Debian's wasm-capable Rust toolchain)"
	sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${packages[@]}"
fi

target=wasm32-unknown-unknown
export CARGO_TARGET_DIR="${VILOKANAM_CACHE:-$HOME/.cache/vilokanam}/target-wasm"
# rustup's rustc comes first on PATH and has no wasm standard library: use Debian's.
export RUSTC=/usr/bin/rustc
export RUSTC_BOOTSTRAP=1
export RUSTFLAGS="--cfg substrate_runtime -C target-cpu=mvp -C linker=wasm-ld-19 \
 -C link-arg=--export-table -C link-arg=--export=__heap_base -C link-arg=--import-memory \
 -C link-arg=--allow-undefined"

cd "$here"
# Taken before building, so an edit made while cargo runs leaves the artifact stale, not falsely fresh.
fingerprint=$(./fingerprint.sh)
/usr/bin/cargo rustc --locked -p vilokanam-runtime --no-default-features --profile wasm \
	--target "$target" -Zbuild-std=core,alloc --crate-type cdylib

cp "$CARGO_TARGET_DIR/$target/wasm/vilokanam_runtime.wasm" "$here/vilokanam_runtime.wasm"
echo "$fingerprint" > "$here/vilokanam_runtime.wasm.fingerprint"
echo "built chain/vilokanam_runtime.wasm ($(stat -c %s "$here/vilokanam_runtime.wasm") bytes), fingerprint $(cat "$here/vilokanam_runtime.wasm.fingerprint")"
