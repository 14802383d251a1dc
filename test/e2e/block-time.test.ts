// Production-like 6-second blocks: about six record_tick extrinsics wait in the pool per block, signed
// with consecutive nonces; every one must land and none may fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectExactBooks, expectTicksMatchPlayed, settledSession, watchUrl } from './billing.js';
import { launchMeter, startEnvironment, type Environment, type Meter } from './fixture.js';
import { Player, playFor } from './player.js';

const BLOCK_TIME_MS = 6000;

let env: Environment;
let meter: Meter;

beforeAll(async () => {
  env = await startEnvironment({ chain: { blockTimeMs: BLOCK_TIME_MS } });
  meter = await launchMeter(env, { allowSites: [env.sites.creatorOrigin] });
});

afterAll(async () => {
  await meter?.close();
  await env?.close();
});

describe('6-second blocks (real chain)', () => {
  it('lands every pipelined tick with consecutive nonces', async () => {
    const stream = await env.state.registerStream('ferdie', 'six second blocks');
    const fromBlock = (await env.state.bestBlock()) + 1;
    const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));

    const played = await playFor(new Player(page), 20);
    const session = await settledSession(env, meter, stream, BLOCK_TIME_MS + 2000);

    expectTicksMatchPlayed(session.ticks, played);
    const recorded = await expectExactBooks(env, meter, stream, session, fromBlock);
    expect(new Set(recorded.map((event) => event.block)).size, 'ticks shared blocks').toBeLessThan(recorded.length);
    const events = await env.state.events(fromBlock);
    const viewerFees = events.filter((event) => event.section === 'transactionPayment' && event.method === 'TransactionFeePaid' && event.fields.who === meter.viewer.address);
    const joined = events.filter((event) => event.section === 'tickStream' && event.method === 'ViewerJoined' && event.fields.viewer === meter.viewer.address);
    const nonce = await env.state.nonce(meter.viewer.address);
    expect(joined).toHaveLength(1);
    // Every transaction the viewer signed is in a block and did what it was for: one join, the ticks.
    expect(viewerFees).toHaveLength(nonce);
    expect(nonce).toBe(1 + recorded.length);
  });
});
