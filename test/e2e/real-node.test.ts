// The metering scenario on the real node: the same runtime in polkadot-omni-node (dev mode, a block as
// soon as transactions arrive) instead of chopsticks. The extension cannot tell the engines apart except
// by speed. Skipped when no omni-node binary is found (scripts/chain/omniNode.ts says how to get one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { omniNodeAvailable } from '../../scripts/chain/omniNode.js';
import { expectTwentySecondsBilled } from './billing.js';
import { launchMeter, startEnvironment, type Environment, type Meter } from './fixture.js';

const available = omniNodeAvailable();
let env: Environment;
let meter: Meter;

beforeAll(async () => {
  if (!available) return;
  env = await startEnvironment({ chain: { engine: 'node' } });
  meter = await launchMeter(env, { allowSites: [env.sites.creatorOrigin] });
});

afterAll(async () => {
  await meter?.close();
  await env?.close();
});

describe.skipIf(!available)('metering a tagged video against polkadot-omni-node', () => {
  it('runs the runtime in the real node', async () => {
    expect(env.chain.engine).toBe('node');
    expect((await env.state.api.rpc.system.name()).toString()).toMatch(/omni/i);
  });

  it('bills each of 20 seconds played: ticks, earnings and the viewer balance on chain', async () => {
    await expectTwentySecondsBilled(env, meter);
  });
});
