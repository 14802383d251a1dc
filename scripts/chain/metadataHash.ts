// `tsx scripts/chain/metadataHash.ts <runtime.wasm>` prints the runtime's metadata hash (RFC-78: the
// merkleized metadata with the chain's token symbol and decimals), as substrate-wasm-builder computes
// it. chain/build-wasm.sh compiles it into the runtime (`RUNTIME_METADATA_HASH`) so that
// `CheckMetadataHash` can verify what signers saw; the extension computes the same hash from the
// metadata it downloads (src/background/metadataHash.ts).
import { readFile } from 'node:fs/promises';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { METADATA_VERSION_ARG, metadataHashOf, opaqueMetadataOf } from '../../src/background/metadataHash.js';
import { callRuntime, CHAIN_PROPERTIES } from './genesis.js';

export async function runtimeMetadataHash(wasmPath: string): Promise<`0x${string}`> {
  const wasm = u8aToHex(await readFile(wasmPath));
  const { result } = await callRuntime(wasm, 'Metadata_metadata_at_version', hexToU8a(METADATA_VERSION_ARG));
  const metadata = opaqueMetadataOf(hexToU8a(result));
  if (!metadata) throw new Error(`${wasmPath} has no metadata V15`);
  return metadataHashOf(metadata, { symbol: CHAIN_PROPERTIES.tokenSymbol, decimals: CHAIN_PROPERTIES.tokenDecimals });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: tsx scripts/chain/metadataHash.ts <runtime.wasm>');
    process.exit(2);
  }
  console.log(await runtimeMetadataHash(path));
  // chopsticks' wasm executor keeps worker threads alive.
  process.exit(0);
}
