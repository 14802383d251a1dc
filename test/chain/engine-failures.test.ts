// `npm run chain` when things go wrong: a port already taken, a chain spec made from another runtime
// version, and a node that dies while serving. The omni-node cases need its binary and are skipped
// without it.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainStartError } from '../../scripts/chain/engine.js';
import { findOmniNode, omniNodeAvailable } from '../../scripts/chain/omniNode.js';
import { startChain } from '../../scripts/chain/start.js';

const ROOT = new URL('../..', import.meta.url).pathname;
/** The last solo-chain runtime (spec_version 1), before the parachain runtime replaced it. */
const OLD_RUNTIME_COMMIT = '9326e20';
const node = omniNodeAvailable();
let dir: string;
let taken: Server;
let takenPort: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vilokanam-failures-'));
  taken = createServer();
  await new Promise<void>((listening) => taken.listen(0, '127.0.0.1', listening));
  takenPort = (taken.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((closed) => taken.close(closed));
  await rm(dir, { recursive: true, force: true });
});

describe('starting the chain on a port in use', () => {
  it.each([
    { engine: 'chopsticks' as const, skip: false },
    { engine: 'node' as const, skip: !node },
  ])('is refused in one sentence ($engine)', async ({ engine, skip }) => {
    if (skip) return;
    const start = startChain({ engine, port: takenPort });
    await expect(start).rejects.toBeInstanceOf(ChainStartError);
    await expect(start).rejects.toThrow(`port ${takenPort} is already in use: stop what uses it or pass another --port`);
  });
});

describe.skipIf(!node)('polkadot-omni-node engine failures', () => {
  it('refuses a chain spec made from another runtime version, by name', async () => {
    const oldWasm = join(dir, 'old-runtime.wasm');
    await writeFile(oldWasm, execFileSync('git', ['show', `${OLD_RUNTIME_COMMIT}:chain/vilokanam_runtime.wasm`], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }));
    const spec = join(dir, 'old-spec.json');
    execFileSync(findOmniNode(), [
      'chain-spec-builder', '-c', spec, 'create', '-t', 'development', '--relay-chain', 'rococo-local', '--para-id', '2000',
      '--runtime', oldWasm, 'named-preset', 'development',
    ], { stdio: 'ignore' });
    const start = startChain({ engine: 'node', port: 0, chainSpec: spec });
    await expect(start).rejects.toBeInstanceOf(ChainStartError);
    await expect(start).rejects.toThrow(/runs vilokanam spec_version 1, but .*vilokanam_runtime\.wasm is vilokanam spec_version 2/);
  });

  it('exits non-zero with the node’s last log lines when the node dies', async () => {
    const cli = spawn(process.execPath, ['--import', 'tsx', 'scripts/chain/cli.ts', '--engine', 'node', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    cli.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => cli.once('exit', (code) => done(code)));
    await expect.poll(() => output, { timeout: 60_000 }).toMatch(/serving on ws:\/\/127\.0\.0\.1:\d+/);
    const nodePid = Number(execFileSync('pgrep', ['-P', String(cli.pid), '-f', 'polkadot-omni-node'], { encoding: 'utf8' }).trim().split('\n')[0]);
    process.kill(nodePid, 'SIGKILL');
    expect(await exited).toBe(1);
    expect(output).toMatch(/polkadot-omni-node stopped \(code null\)\. Its last lines:\n.+/);
  });
});
