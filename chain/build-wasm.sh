#!/usr/bin/env bash
# Builds the runtime to chain/vilokanam_runtime.wasm (zstd-compressed, as substrate-wasm-builder
# ships it) and records its source fingerprint.
#
# rustup cannot fetch wasm targets on our machines, so this uses Debian's rustc-web toolchain, which
# ships the standard library's source, and builds core+alloc for wasm with -Zbuild-std. The flags
# below are the ones substrate-wasm-builder would pass. Cargo's target dir lives outside the clone
# (VILOKANAM_CACHE, default ~/.cache/vilokanam) so rebuilds are incremental.
#
# Two passes, as wasm-builder's `enable_metadata_hash` does: the first build's metadata gives the
# metadata hash (scripts/chain/metadataHash.ts), and the second compiles it in (RUNTIME_METADATA_HASH)
# for `CheckMetadataHash`. Only the crates that read it are rebuilt.
#
# `--features runtime-benchmarks` builds the benchmarking runtime instead, for
# `polkadot-omni-node benchmark pallet` (chain/benchmark.sh): one pass, written to the cache dir,
# never to the committed artifact.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

features=""
if [ "${1:-}" = "--features" ]; then features="$2"; fi

packages=(rustc-web cargo-web rust-web-src lld-19 zstd)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
	echo "installing ${missing[*]} (Debian's wasm-capable Rust toolchain)"
	sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${packages[@]}"
fi

target=wasm32-unknown-unknown
cache="${VILOKANAM_CACHE:-$HOME/.cache/vilokanam}"
export CARGO_TARGET_DIR="$cache/target-wasm"
# rustup's rustc comes first on PATH and has no wasm standard library: use Debian's.
export RUSTC=/usr/bin/rustc
export RUSTC_BOOTSTRAP=1
export RUSTFLAGS="--cfg substrate_runtime -C target-cpu=mvp -C linker=wasm-ld-19 \
 -C link-arg=--export-table -C link-arg=--export=__heap_base -C link-arg=--import-memory \
 -C link-arg=--allow-undefined"

build() {
	/usr/bin/cargo rustc --locked -p vilokanam-runtime --no-default-features ${features:+--features "$features"} \
		--profile wasm --target "$target" -Zbuild-std=core,alloc --crate-type cdylib
}

# Prepends sp-maybe-compressed-blob's zstd prefix, which nodes and chopsticks recognise.
compress() {
	{ printf '\x52\xbc\x53\x76\x46\xdb\x8e\x05'; zstd -q -19 -c "$1"; } > "$2"
}

cd "$here"
# Taken before building, so an edit made while cargo runs leaves the artifact stale, not falsely fresh.
fingerprint=$(./fingerprint.sh)
raw="$CARGO_TARGET_DIR/$target/wasm/vilokanam_runtime.wasm"

unset RUNTIME_METADATA_HASH
build
if [ -n "$features" ]; then
	# Benchmarks sign nothing: one pass is enough.
	out="$cache/vilokanam_runtime-$features.wasm"
	compress "$raw" "$out"
	echo "built $out"
	exit 0
fi
RUNTIME_METADATA_HASH=$(cd "$here/.." && npx --no-install tsx scripts/chain/metadataHash.ts "$raw")
export RUNTIME_METADATA_HASH
echo "metadata hash $RUNTIME_METADATA_HASH"
build
compress "$raw" "$here/vilokanam_runtime.wasm"
echo "$fingerprint" > "$here/vilokanam_runtime.wasm.fingerprint"
echo "built chain/vilokanam_runtime.wasm ($(stat -c %s "$here/vilokanam_runtime.wasm") bytes compressed, $(stat -c %s "$raw") raw), fingerprint $(cat "$here/vilokanam_runtime.wasm.fingerprint")"
