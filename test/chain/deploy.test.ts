// The commands docs/deploy.md gives a team that runs Vilokanam for real, run as written (with the
// example genesis patch, chain/deploy/genesis-patch.example.json): a chain spec from the runtime, its
// raw form, the genesis head and wasm a relay chain registers — then the real node runs that spec.
// Needs polkadot-omni-node; skipped without it.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { TypeRegistry } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { RUNTIME_WASM } from '../../scripts/chain/engine.js';
import { findOmniNode, omniNodeAvailable } from '../../scripts/chain/omniNode.js';
import { startChain } from '../../scripts/chain/start.js';

const available = omniNodeAvailable();
const PATCH = new URL('../../chain/deploy/genesis-patch.example.json', import.meta.url).pathname;
const PARA_ID = 4242;
let dir: string;

const omni = (...args: string[]) => execFileSync(findOmniNode(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
  if (!available) return;
  dir = await mkdtemp(join(tmpdir(), 'vilokanam-deploy-'));
  omni(
    'chain-spec-builder', '-c', join(dir, 'vilokanam.json'), 'create', '-t', 'live', '-n', 'Vilokanam', '-i', 'vilokanam',
    '--relay-chain', 'paseo', '--para-id', String(PARA_ID), '--properties', 'tokenSymbol=VIL,tokenDecimals=12,ss58Format=42',
    '--runtime', RUNTIME_WASM, 'patch', PATCH,
  );
  omni('chain-spec-builder', '-c', join(dir, 'vilokanam-raw.json'), 'convert-to-raw', join(dir, 'vilokanam.json'));
  omni('export-genesis-head', '--chain', join(dir, 'vilokanam-raw.json'), join(dir, 'genesis-head'));
  omni('export-genesis-wasm', '--chain', join(dir, 'vilokanam-raw.json'), join(dir, 'genesis-wasm'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('deploying: the commands of docs/deploy.md', () => {
  it('makes a raw chain spec for the relay chain and para id asked for', async () => {
    const raw = JSON.parse(await readFile(join(dir, 'vilokanam-raw.json'), 'utf8')) as { para_id: number; relay_chain: string; chainType: string };
    expect(raw).toMatchObject({ para_id: PARA_ID, relay_chain: 'paseo', chainType: 'Live' });
  });

  it('exports the genesis wasm (the committed runtime) and a genesis head at block 0', async () => {
    const wasm = (await readFile(join(dir, 'genesis-wasm'), 'utf8')).trim();
    expect(wasm).toBe(u8aToHex(await readFile(RUNTIME_WASM)));
    const head = new TypeRegistry().createType('Header', (await readFile(join(dir, 'genesis-head'), 'utf8')).trim());
    expect(head.number.toNumber()).toBe(0);
    expect(head.parentHash.isEmpty).toBe(true);
  });

  it('runs in the real node with the patched genesis', async () => {
    const chain = await startChain({ engine: 'node', port: 0, chainSpec: join(dir, 'vilokanam-raw.json') });
    const api = await ApiPromise.create({ provider: new WsProvider(chain.endpoint), noInitWarn: true });
    try {
      expect(Number((await api.query.parachainInfo.parachainId()).toString())).toBe(PARA_ID);
      expect((await api.query.sudo.key()).toString()).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
      expect((await api.query.collatorSelection.invulnerables()).toJSON()).toEqual(['5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty']);
      // No demo streams on a real network.
      expect(Number((await api.query.streamRegistry.nextStreamId()).toString())).toBe(1);
    } finally {
      await api.disconnect();
      await chain.close();
    }
  });
});
