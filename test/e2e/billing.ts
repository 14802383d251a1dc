// Assertions the scenarios share: what the chain must hold after the extension billed a stream.
import { expect } from 'vitest';
import { DEMO_RATE_PER_MINUTE, expectedPayment, type ViewerSession } from './chainState.js';
import type { Environment, Meter } from './fixture.js';
import { Player, playFor } from './player.js';

/** A demo page carrying the tags given (see test/sites/public/watch.html). */
export function watchUrl(origin: string, tags: { stream: string; network?: string; creator?: string }): string {
  const query = new URLSearchParams({ stream: tags.stream });
  if (tags.network) query.set('network', tags.network);
  if (tags.creator) query.set('creator', tags.creator);
  return `${origin}/watch.html?${query}`;
}

/** Waits until the extension holds nothing for `stream` and the chain stopped changing; returns the session. */
export async function settledSession(env: Environment, meter: Meter, stream: string, quietMs?: number): Promise<ViewerSession> {
  await meter.waitUntilNothingPending(stream);
  const session = await env.state.settledSession(stream, meter.viewer.address, quietMs);
  expect(session, `no session of the viewer on stream ${stream}`).not.toBeNull();
  return session!;
}

/**
 * The chain's books for a stream only this viewer watched since it was registered: the stream's seconds
 * (its totals plus the session's unflushed seconds) equal the session's ticks; the session paid exactly
 * floor(ticks × rate / 60), all of it earned by the stream (in escrow, or owed from the viewer's hold);
 * the TickRecorded events add up to the same ticks and amount (nothing recorded twice).
 */
export async function expectExactBooks(env: Environment, meter: Meter, stream: string, session: ViewerSession, fromBlock: number, ratePerMinute = DEMO_RATE_PER_MINUTE) {
  const payment = expectedPayment(session.ticks, ratePerMinute);
  expect(session.paid).toBe(payment);
  expect(await env.state.secondsWatched(stream)).toBe(session.ticks);
  expect(await env.state.earnings(stream)).toBe(payment);
  expect(await env.state.escrow(stream), 'in escrow: what the session flushed').toBe(payment - session.owed);
  const recorded = await env.state.tickEvents(stream, meter.viewer.address, fromBlock);
  expect(recorded.reduce((sum, event) => sum + event.ticks, 0)).toBe(session.ticks);
  expect(recorded.reduce((sum, event) => sum + event.amount, 0n)).toBe(payment);
  return recorded;
}

/** ticks equal the whole seconds the video really played, ±tolerance. */
export function expectTicksMatchPlayed(ticks: number, played: number, tolerance = 1): void {
  console.log(`[e2e] ${ticks} ticks on chain for ${played.toFixed(2)} s played`);
  expect(Math.abs(ticks - Math.round(played)), `${ticks} ticks for ${played.toFixed(2)} s played`).toBeLessThanOrEqual(tolerance);
}

/**
 * The metering scenario both engines run: a stream of its own, 20 s played in Chromium, then ticks equal
 * to the seconds played (±1), exact books, the viewer's balance down by exactly payments and fees (what
 * the session still owes is part of its hold), and every transaction signed with the metadata hash.
 */
export async function expectTwentySecondsBilled(env: Environment, meter: Meter): Promise<void> {
  const stream = await env.state.registerStream('charlie', 'twenty seconds');
  const fromBlock = (await env.state.bestBlock()) + 1;
  const balanceBefore = await env.state.free(meter.viewer.address);
  const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));

  const played = await playFor(new Player(page), 20);
  const session = await settledSession(env, meter, stream);

  expectTicksMatchPlayed(session.ticks, played);
  await expectExactBooks(env, meter, stream, session, fromBlock);
  const fees = await env.state.feesPaidBy(meter.viewer.address, fromBlock);
  expect(fees).toBeGreaterThan(0n);
  const viewer = meter.viewer.address;
  expect(await env.state.onHold(viewer), 'the session holds its window and deposit').toBe(session.held + session.deposit);
  expect((await env.state.free(viewer)) + session.held + session.deposit).toBe(balanceBefore - (session.paid - session.owed) - fees);
  const signed = await env.state.signedBy(viewer, fromBlock);
  expect(signed.map((extrinsic) => extrinsic.call)).toContain('tickStream.joinStream');
  expect(signed.every((extrinsic) => extrinsic.mode === 1), 'every transaction signed with CheckMetadataHash on').toBe(true);
  await page.close();
}
