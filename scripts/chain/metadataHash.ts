// `tsx scripts/chain/metadataHash.ts <runtime.wasm>` prints the runtime's metadata hash (RFC-78: the
// merkleized metadata with the chain's token symbol and decimals), as substrate-wasm-builder computes
// it. chain/build-wasm.sh compiles it into the runtime (`RUNTIME_METADATA_HASH`) so that
// `CheckMetadataHash` can verify what signers saw; the extension computes the same hash from the
// metadata it downloads (src/background/metadataHash.ts).
import { readFile } from 'node:fs/promises';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { u8aToHex } from '@polkadot/util';
import { callRuntime, CHAIN_PROPERTIES } from './genesis.js';

/** RFC-78 hashes metadata V15. */
const METADATA_VERSION = 15;

export async function runtimeMetadataHash(wasmPath: string): Promise<`0x${string}`> {
  const wasm = u8aToHex(await readFile(wasmPath));
  const version = new Uint8Array(new Uint32Array([METADATA_VERSION]).buffer);
  const { result } = await callRuntime(wasm, 'Metadata_metadata_at_version', version);
  const digest = merkleizeMetadata(result, {
    decimals: CHAIN_PROPERTIES.tokenDecimals,
    tokenSymbol: CHAIN_PROPERTIES.tokenSymbol,
  }).digest();
  return u8aToHex(digest);
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
