// What the two engines that run the Vilokanam runtime locally share: their options and what a running
// chain offers its callers (`npm run chain`, the tests, the benchmarks, `npm start`).
import { fileURLToPath } from 'node:url';

/** `chopsticks`: the zero-install simulator (default). `node`: polkadot-omni-node in dev mode. */
export type Engine = 'chopsticks' | 'node';
export const ENGINES: readonly Engine[] = ['chopsticks', 'node'];

/** The runtime's genesis presets (chain/runtime/src/genesis_config_presets.rs). */
export type Preset = 'development' | 'local_testnet';
export const PRESETS: readonly Preset[] = ['development', 'local_testnet'];

/** The committed runtime, built by `npm run chain:build`. */
export const RUNTIME_WASM = fileURLToPath(new URL('../../chain/vilokanam_runtime.wasm', import.meta.url));

export interface ChainOptions {
  /** Which engine runs the runtime; `chopsticks` by default. */
  engine?: Engine;
  /** Port on 127.0.0.1; 0 picks a free one. Default 9944. */
  port?: number;
  /**
   * Milliseconds between blocks, like a production chain (e.g. 6000). Without it a block is built as
   * soon as transactions arrive (quick mode: chopsticks' batch mode, omni-node's instant seal).
   */
  blockTimeMs?: number;
  /**
   * Where the chain keeps its blocks, so a restart with `resume` carries on from them: an sqlite
   * file for chopsticks, a base-path directory for omni-node.
   */
  db?: string;
  /** Carry on from the newest block in `db`. */
  resume?: boolean;
  /** Runtime wasm to serve; the committed one by default. */
  wasmPath?: string;
  /** Genesis preset; `development` by default. */
  preset?: Preset;
  /** omni-node only: a chain spec to run instead of one generated from `wasmPath` and `preset`. */
  chainSpec?: string;
}

/** What an engine gets: every option settled. */
export type EngineOptions = Required<Omit<ChainOptions, 'blockTimeMs' | 'db' | 'chainSpec'>> &
  Pick<ChainOptions, 'blockTimeMs' | 'db' | 'chainSpec'>;

export interface RunningChain {
  engine: Engine;
  /** `ws://127.0.0.1:<port>` */
  endpoint: string;
  port: number;
  /**
   * Settles with a sentence (ending in the engine's last log lines) if the engine dies on its own;
   * never settles while it runs or after `close()`.
   */
  died: Promise<string>;
  close(): Promise<void>;
}

/** A sentence the user can act on: printed as is, without a stack trace. */
export class ChainStartError extends Error {
  override name = 'ChainStartError';
}
