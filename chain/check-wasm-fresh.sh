#!/usr/bin/env bash
# Fails when the chain sources changed since chain/vilokanam_runtime.wasm was built (see fingerprint.sh).
set -euo pipefail
cd "$(dirname "$0")"
want=$(./fingerprint.sh)
have=$(cat vilokanam_runtime.wasm.fingerprint 2>/dev/null || true)
if [ ! -f vilokanam_runtime.wasm ] || [ "$want" != "$have" ]; then
	echo "chain/vilokanam_runtime.wasm is stale: the chain sources changed since it was built." >&2
	echo "Rebuild it with 'npm run chain:build' and commit the wasm and its .fingerprint." >&2
	exit 1
fi
echo "runtime wasm is fresh ($want)"
