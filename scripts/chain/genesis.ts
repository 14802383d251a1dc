// Builds the chain's raw genesis storage from the runtime itself, the way polkadot-sdk's chain-spec
// builder does: ask the runtime for its default config and the `development` preset, merge them, run
// `GenesisBuilder_build_state` against empty storage and keep the storage it writes, plus `:code`.
import { readFile } from 'node:fs/promises';
import { runTask } from '@acala-network/chopsticks-core';
import { RUNTIME_WASM, type Preset } from './engine.js';
import type { HexString } from '@polkadot/util/types';
import { compactAddLength, compactStripLength, stringToU8a, u8aConcat, u8aToHex, hexToU8a, u8aToString } from '@polkadot/util';

/** What `system_properties` reports: the runtime's token, as a chain spec would declare it. */
export const CHAIN_PROPERTIES = { tokenSymbol: 'VIL', tokenDecimals: 12, ss58Format: 42 } as const;

const CODE_KEY = '0x3a636f6465'; // ":code"

export interface RawGenesis {
  id: string;
  name: string;
  properties: typeof CHAIN_PROPERTIES;
  genesis: { raw: { top: Record<string, string> } };
}

/** Decodes a SCALE `Option<Vec<u8>>`, as GenesisBuilder_get_preset answers. */
function decodeOptionBytes(result: Uint8Array): Uint8Array | null {
  return result[0] === 0 ? null : compactStripLength(result.subarray(1))[1];
}

/** Runs one runtime API call of the wasm against empty storage. */
export async function callRuntime(wasm: HexString, method: string, arg: Uint8Array) {
  const response = await runTask(
    { wasm, calls: [[method, [u8aToHex(arg)]]], mockSignatureHost: false, allowUnresolvedImports: false, runtimeLogLevel: 0 },
    {
      getStorage: async () => undefined,
      getNextKey: async () => undefined,
      offchainGetStorage: async () => undefined,
      offchainTimestamp: async () => Date.now(),
      offchainRandomSeed: async () => u8aToHex(new Uint8Array(32)),
      offchainSubmitTransaction: async () => false,
    },
  );
  if ('Error' in response) throw new Error(`${method} failed in the runtime: ${response.Error}`);
  return response.Call;
}

async function presetJson(wasm: HexString, preset: string | null): Promise<Record<string, unknown>> {
  const arg = preset === null ? new Uint8Array([0]) : u8aConcat([1], compactAddLength(stringToU8a(preset)));
  const { result } = await callRuntime(wasm, 'GenesisBuilder_get_preset', arg);
  const bytes = decodeOptionBytes(hexToU8a(result));
  if (!bytes) throw new Error(`the runtime has no genesis preset ${preset ?? '(default)'}`);
  return JSON.parse(u8aToString(bytes)) as Record<string, unknown>;
}

/** Objects merge key by key; anything else in the patch replaces what was there. */
function mergeJson(base: unknown, patch: unknown): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return patch;
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) merged[key] = mergeJson(merged[key], value);
  return merged;
}

/** The raw genesis of the runtime at `wasmPath` with the given preset (default `development`). */
export async function buildGenesis(wasmPath = RUNTIME_WASM, preset: Preset = 'development'): Promise<RawGenesis> {
  const wasm = u8aToHex(await readFile(wasmPath));
  const config = mergeJson(await presetJson(wasm, null), await presetJson(wasm, preset));
  const built = await callRuntime(wasm, 'GenesisBuilder_build_state', compactAddLength(stringToU8a(JSON.stringify(config))));
  if (hexToU8a(built.result)[0] !== 0) throw new Error(`the runtime rejected the ${preset} genesis config`);
  const top: Record<string, string> = { [CODE_KEY]: wasm };
  for (const [key, value] of built.storageDiff) if (value !== null) top[key] = value;
  return { id: `vilokanam_${preset}`, name: preset === 'development' ? 'Vilokanam Development' : 'Vilokanam Local Testnet', properties: CHAIN_PROPERTIES, genesis: { raw: { top } } };
}
