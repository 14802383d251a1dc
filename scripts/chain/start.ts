// Starts the Vilokanam chain locally, over standard Substrate JSON-RPC, on either engine: chopsticks
// (the zero-install default) or polkadot-omni-node (`engine: 'node'`). Used by `npm run chain`, the
// tests, the benchmarks and `npm start`.
import { startChopsticks } from './chopsticks.js';
import { RUNTIME_WASM, type ChainOptions, type Engine, type RunningChain } from './engine.js';
import { startOmniNode } from './omniNode.js';

export type { ChainOptions, Engine, RunningChain } from './engine.js';

/** The engine tests and benchmarks use unless told otherwise: `VILOKANAM_ENGINE`, else chopsticks. */
export function defaultEngine(env: NodeJS.ProcessEnv = process.env): Engine {
  return env.VILOKANAM_ENGINE === 'node' ? 'node' : 'chopsticks';
}

export async function startChain(options: ChainOptions = {}): Promise<RunningChain> {
  const settled = {
    engine: options.engine ?? defaultEngine(),
    port: options.port ?? 9944,
    resume: options.resume ?? false,
    wasmPath: options.wasmPath ?? RUNTIME_WASM,
    preset: options.preset ?? 'development',
    blockTimeMs: options.blockTimeMs,
    db: options.db,
    chainSpec: options.chainSpec,
  };
  return settled.engine === 'node' ? startOmniNode(settled) : startChopsticks(settled);
}
