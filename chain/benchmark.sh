#!/usr/bin/env bash
# Measures this runtime's weights with `polkadot-omni-node benchmark` and writes them into the sources:
#   chain/pallets/*/src/weights.rs         the Vilokanam pallets (pallet-weight-template.hbs)
#   chain/runtime/src/weights/<pallet>.rs  FRAME and cumulus pallets, transaction extensions
#   chain/runtime/src/weights/{block,extrinsic}_weights.rs  base weights (`benchmark overhead`)
# It builds the benchmarking runtime first (build-wasm.sh --features runtime-benchmarks). Afterwards
# rebuild the committed wasm (npm run chain:build): the weights are part of the runtime.
#   STEPS=50 REPEAT=20 bash chain/benchmark.sh [pallet …]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache="${VILOKANAM_CACHE:-$HOME/.cache/vilokanam}"
steps="${STEPS:-50}"
repeat="${REPEAT:-20}"

node=$(cd "$here/.." && npx --no-install tsx scripts/chain/which-omni-node.ts)
bash "$here/build-wasm.sh" --features runtime-benchmarks
wasm="$cache/vilokanam_runtime-runtime-benchmarks.wasm"

vilokanam=(pallet_stream_registry pallet_payment_handler pallet_tick_stream)
frame=(frame_system frame_system_extensions pallet_balances pallet_timestamp pallet_transaction_payment
	cumulus_pallet_weight_reclaim cumulus_pallet_parachain_system pallet_utility pallet_sudo)
if [ $# -gt 0 ]; then wanted=("$@"); else wanted=("${vilokanam[@]}" "${frame[@]}" overhead); fi

bench() {
	"$node" benchmark pallet --runtime "$wasm" --genesis-builder runtime --genesis-builder-preset development \
		--pallet "$1" --extrinsic '*' --steps "$steps" --repeat "$repeat" --wasm-execution compiled "${@:2}"
}

for pallet in "${wanted[@]}"; do
	echo "benchmarking $pallet"
	case "$pallet" in
	pallet_stream_registry | pallet_payment_handler | pallet_tick_stream)
		dir="${pallet#pallet_}"
		bench "$pallet" --template "$here/pallet-weight-template.hbs" --output "$here/pallets/${dir//_/-}/src/weights.rs"
		;;
	overhead)
		"$node" benchmark overhead --runtime "$wasm" --genesis-builder runtime --genesis-builder-preset development \
			--para-id 2000 --wasm-execution compiled --weight-path "$here/runtime/src/weights"
		;;
	*)
		bench "$pallet" --output "$here/runtime/src/weights/$pallet.rs"
		;;
	esac
done
echo "weights written; now rebuild the runtime: npm run chain:build"
