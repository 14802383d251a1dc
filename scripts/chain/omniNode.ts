// The real-node engine: polkadot-omni-node (the generic collator binary parachain teams run) in dev
// mode, from a chain spec generated from the runtime's own genesis presets. Same runtime, same RPC
// as chopsticks; only faster, because the node compiles the wasm instead of interpreting it.
//
// Dev mode seals blocks itself: with `blockTimeMs` one every so many ms (`--dev-block-time`), without
// it one as soon as transactions arrive (`--instant-seal`). Either way it mocks the relay chain and
// stamps each block one relay slot (6 s) after its parent, whatever the wall clock says — see
// docs/chain.md ("Chain time on a dev node").
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { getRuntimeVersion } from '@acala-network/chopsticks-core';
import { u8aToHex } from '@polkadot/util';
import type { HexString } from '@polkadot/util/types';
import { CHAIN_PROPERTIES } from './genesis.js';
import { ChainStartError, type EngineOptions, type Preset, type RunningChain } from './engine.js';
import { portIsFree } from './portIsFree.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BINARY = 'polkadot-omni-node';
/** Where the team's prebuilt binary lives beside the project (../shared/bin). */
const SHARED_BINARY = resolve(ROOT, '..', 'shared', 'bin', BINARY);
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
/** Node log lines kept to explain a death. */
const KEPT_LOG_LINES = 30;
/** A spec the node runs is kept beside its blocks, so a resume runs the same chain. */
const SPEC_IN_BASE_PATH = 'vilokanam-chain-spec.json';

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Binaries already on this machine from earlier runs, newest version first: what
 * scripts/chain/build-omni-node.sh built, and what ../shared/bin's wrapper unpacked into the user's
 * cache (so a clone elsewhere, such as CI's, finds them too).
 */
function cachedBinaries(env: NodeJS.ProcessEnv): string[] {
  const cache = env.XDG_CACHE_HOME ?? join(env.HOME ?? homedir(), '.cache');
  const built = join(env.VILOKANAM_CACHE ?? join(cache, 'vilokanam'), 'omni-node', 'bin', BINARY);
  const unpackedRoot = join(cache, BINARY);
  let unpacked: string[] = [];
  try {
    unpacked = readdirSync(unpackedRoot).sort().reverse().map((version) => join(unpackedRoot, version, BINARY));
  } catch {
    // Nothing unpacked yet.
  }
  return [built, ...unpacked];
}

/**
 * The omni-node binary: `$POLKADOT_OMNI_NODE`, then `PATH`, then ../shared/bin, then one built or
 * unpacked on this machine before (`cachedBinaries`).
 */
export function findOmniNode(env: NodeJS.ProcessEnv = process.env, shared = SHARED_BINARY): string {
  const fromEnv = env.POLKADOT_OMNI_NODE;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new ChainStartError(`POLKADOT_OMNI_NODE is set to ${fromEnv}, which is not an executable file.`);
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, BINARY))) return join(dir, BINARY);
  }
  if (isExecutable(shared)) return shared;
  const cached = cachedBinaries(env).find(isExecutable);
  if (cached) return cached;
  throw new ChainStartError(
    `${BINARY} was not found: set POLKADOT_OMNI_NODE to its path, put it on PATH, or build it with ` +
      `bash scripts/chain/build-omni-node.sh (cargo, about 1.5–3 hours on 2 cores). ` +
      `Without it, run the chain in chopsticks: npm run chain.`,
  );
}

/** Whether `findOmniNode` would find a binary (tests on the real node run only then). */
export function omniNodeAvailable(): boolean {
  try {
    findOmniNode();
    return true;
  } catch {
    return false;
  }
}

const CHAIN_NAMES: Record<Preset, { name: string; id: string; type: string }> = {
  development: { name: 'Vilokanam Development', id: 'vilokanam_dev', type: 'development' },
  local_testnet: { name: 'Vilokanam Local Testnet', id: 'vilokanam_local', type: 'local' },
};

function run(binary: string, args: string[]): string {
  const result = spawnSync(binary, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-KEPT_LOG_LINES).join('\n');
    throw new ChainStartError(`${BINARY} ${args.slice(0, 2).join(' ')} failed:\n${output}`);
  }
  return result.stdout;
}

interface ChainSpecJson {
  name?: string;
  para_id?: number;
  genesis?: {
    runtimeGenesis?: { code?: HexString; patch?: { parachainInfo?: { parachainId?: number } } };
    raw?: { top?: Record<string, HexString> };
  };
}

/**
 * Writes a chain spec for the runtime at `wasmPath` with one of its presets, made by omni-node's own
 * `chain-spec-builder` (as docs/deploy.md does for a real network). Its `para_id` is the one the
 * preset configures, so node and runtime agree.
 */
export async function generateChainSpec(binary: string, wasmPath: string, preset: Preset, out: string): Promise<void> {
  const { name, id, type } = CHAIN_NAMES[preset];
  const properties = `tokenSymbol=${CHAIN_PROPERTIES.tokenSymbol},tokenDecimals=${CHAIN_PROPERTIES.tokenDecimals},ss58Format=${CHAIN_PROPERTIES.ss58Format}`;
  run(binary, [
    'chain-spec-builder', '-c', out, 'create', '-t', type, '-n', name, '-i', id,
    '--relay-chain', 'rococo-local', '--para-id', '0', '--properties', properties,
    '--runtime', wasmPath, 'named-preset', preset,
  ]);
  const spec = JSON.parse(await readFile(out, 'utf8')) as ChainSpecJson;
  const paraId = spec.genesis?.runtimeGenesis?.patch?.parachainInfo?.parachainId;
  if (typeof paraId !== 'number') throw new ChainStartError(`the ${preset} preset sets no parachainInfo.parachainId`);
  spec.para_id = paraId;
  await writeFile(out, JSON.stringify(spec, null, 2));
}

const CODE_KEY = '0x3a636f6465'; // ":code"

/**
 * Refuses a chain spec whose runtime is not the one at `wasmPath`, by name and version: a spec from
 * another chain, or from an older build of this runtime, would run a chain the extension and tests
 * do not expect.
 */
export async function checkChainSpec(specPath: string, wasmPath: string): Promise<void> {
  let spec: ChainSpecJson;
  try {
    spec = JSON.parse(await readFile(specPath, 'utf8')) as ChainSpecJson;
  } catch (error) {
    throw new ChainStartError(`cannot read the chain spec ${specPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const code = spec.genesis?.runtimeGenesis?.code ?? spec.genesis?.raw?.top?.[CODE_KEY];
  if (!code) throw new ChainStartError(`the chain spec ${specPath} carries no runtime code`);
  const [theirs, ours] = await Promise.all([getRuntimeVersion(code), getRuntimeVersion(u8aToHex(await readFile(wasmPath)))]);
  const describe = (v: { specName: string; specVersion: number }) => `${v.specName} spec_version ${v.specVersion}`;
  if (theirs.specName !== ours.specName || theirs.specVersion !== ours.specVersion) {
    throw new ChainStartError(
      `the chain spec ${specPath} (${spec.name ?? 'unnamed'}) runs ${describe(theirs)}, but ${wasmPath} is ${describe(ours)}: ` +
        `use a spec made from this runtime (start without --resume or --chain-spec to generate one).`,
    );
  }
}

export async function startOmniNode(options: EngineOptions): Promise<RunningChain> {
  const binary = findOmniNode();
  if (options.port !== 0 && !(await portIsFree(options.port))) {
    throw new ChainStartError(`port ${options.port} is already in use: stop what uses it or pass another --port`);
  }
  // Without `db` the node runs in a directory of its own, removed when it stops.
  const basePath = options.db ?? (await mkdtemp(join(tmpdir(), 'vilokanam-node-')));
  const temporary = options.db === undefined;
  const storedSpec = join(basePath, SPEC_IN_BASE_PATH);
  if (options.resume) {
    if (!existsSync(storedSpec)) throw new ChainStartError(`nothing to resume in ${basePath}: start it once without --resume`);
  } else {
    await rm(basePath, { recursive: true, force: true });
    await mkdir(basePath, { recursive: true });
    if (options.chainSpec) await writeFile(storedSpec, await readFile(options.chainSpec));
    else await generateChainSpec(binary, options.wasmPath, options.preset, storedSpec);
  }
  await checkChainSpec(storedSpec, options.wasmPath);

  const args = [
    '--chain', storedSpec, '--base-path', basePath, '--database', 'paritydb',
    ...(options.blockTimeMs ? ['--dev-block-time', String(options.blockTimeMs)] : ['--instant-seal']),
    '--rpc-port', String(options.port),
    // The extension's worker connects from a chrome-extension:// origin.
    '--rpc-cors', 'all',
    '--rpc-max-connections', '5000',
    '--pool-limit', '20000',
    // The default fork-aware pool loses accepted transactions when blocks of a thousand and more follow
    // each other (docs/benchmarks.md, figure 4); a dev node has no forks for it to follow.
    '--pool-type', 'single-state',
    '--listen-addr', '/ip4/127.0.0.1/tcp/0',
    '--no-mdns', '--no-telemetry', '--no-prometheus', '--no-hardware-benchmarks',
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // A node outliving the process that started it (a crashed test, a script that threw) would hold its
  // port and a core: it goes when this process exits, however it exits short of SIGKILL.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const log: string[] = [];
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log.push(line);
    log.splice(0, Math.max(0, log.length - KEPT_LOG_LINES));
  };
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);
  const lastLines = () => log.join('\n');
  let closing = false;
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      process.off('exit', killOnExit);
      done(code);
    }),
  );

  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new ChainStartError(`${BINARY} did not open its RPC port within ${START_TIMEOUT_MS / 1000} s:\n${lastLines()}`)), START_TIMEOUT_MS);
    const watch = (chunk: Buffer) => {
      const found = /Running JSON-RPC server: addr=[^,\s]*?:(\d+)/.exec(chunk.toString());
      if (found) {
        clearTimeout(timer);
        resolvePort(Number(found[1]));
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new ChainStartError(`${BINARY} exited (code ${code}) before serving:\n${lastLines()}`));
    });
  }).catch(async (error: unknown) => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    if (temporary) await rm(basePath, { recursive: true, force: true });
    throw error;
  });

  const died = exited.then((code) =>
    closing ? new Promise<string>(() => undefined) : `${BINARY} stopped (code ${code}). Its last lines:\n${lastLines()}`,
  );
  return {
    engine: 'node',
    endpoint: `ws://127.0.0.1:${port}`,
    port,
    died,
    async close() {
      closing = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      if (temporary) await rm(basePath, { recursive: true, force: true });
    },
  };
}
