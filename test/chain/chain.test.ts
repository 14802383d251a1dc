// Drives the real runtime (the committed wasm) with @polkadot/api as users do, on each engine that runs
// it: chopsticks always, polkadot-omni-node when its binary is found (scripts/chain/omniNode.ts).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { omniNodeAvailable } from '../../scripts/chain/omniNode.js';
import { startChain, type Engine, type RunningChain } from '../../scripts/chain/start.js';
import { checkCall, SIGNABLE_CALLS, type SignableCall } from '../../src/background/callGuard.js';
import { metadataHashOf } from '../../src/background/metadataHash.js';
import { runtimeMetadataHash } from '../../scripts/chain/metadataHash.js';
import { RUNTIME_WASM } from '../../scripts/chain/engine.js';
import { send, submit, submitPipelined } from './submit.js';

const STREAM = 1;
const DEMO_RATE = 100_000_000_000n; // 0.1 VIL per minute, from the dev preset
const UNIT = 1_000_000_000_000n;

interface ChainSession {
  ticks: bigint;
  paid: bigint;
  owed: bigint;
  held: bigint;
  unflushedTicks: bigint;
}

const ENGINES: { engine: Engine; available: boolean }[] = [
  { engine: 'chopsticks', available: true },
  { engine: 'node', available: omniNodeAvailable() },
];

describe.each(ENGINES)('the Vilokanam chain (runtime wasm in $engine)', ({ engine, available }) => {
  let chain: RunningChain;
  let api: ApiPromise;
  let alice: KeyringPair;
  let bob: KeyringPair;
  let charlie: KeyringPair;

  async function free(address: string): Promise<bigint> {
    const account = await api.query.system.account(address);
    return account.data.free.toBigInt();
  }

  async function earnings(stream: number): Promise<bigint> {
    return ((await api.query.paymentHandler.streamEarnings(stream)) as unknown as { toBigInt(): bigint }).toBigInt();
  }

  async function session(stream: number, viewer: string): Promise<ChainSession | null> {
    const stored = (await api.query.tickStream.sessions(stream, viewer)) as unknown as { isNone: boolean; unwrap(): Record<string, { toString(): string }> };
    if (stored.isNone) return null;
    const value = stored.unwrap();
    const big = (name: string) => BigInt(value[name].toString());
    return { ticks: big('ticks'), paid: big('paid'), owed: big('owed'), held: big('held'), unflushedTicks: big('unflushedTicks') };
  }

  /** Seconds settled on a stream: flushed into its totals, plus what open sessions have not flushed yet. */
  async function flushedSeconds(stream: number): Promise<bigint> {
    const totals = (await api.query.tickStream.totals(stream)) as unknown as { seconds: { toString(): string } };
    return BigInt(totals.seconds.toString());
  }

  const constant = (pallet: string, name: string) => BigInt((api.consts as unknown as Record<string, Record<string, { toString(): string }>>)[pallet][name].toString());
  /** What a session holds at `rate`: `HeldSeconds` of watching, rounded up. */
  const windowFunds = (rate: bigint) => (rate * constant('tickStream', 'heldSeconds') + 59n) / 60n;

  beforeAll(async () => {
    if (!available) return;
    chain = await startChain({ engine, port: 0 });
    api = await ApiPromise.create({ provider: new WsProvider(chain.endpoint), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
    charlie = keyring.addFromUri('//Charlie');
  });

  afterAll(async () => {
    await api?.disconnect();
    await chain?.close();
  });

  // Without polkadot-omni-node (scripts/chain/omniNode.ts says how to get one) its half is skipped.
  const it = available ? test : test.skip;

  it('names every call the extension signs as its call guard expects (pallet, call and arguments)', () => {
    for (const name of Object.keys(SIGNABLE_CALLS) as SignableCall[]) {
      const [section, method] = name.split('.') as [string, string];
      const call = api.tx[section]?.[method];
      expect(call, `${name} in the metadata`).toBeDefined();
      expect(() => checkCall(api.registry, call.callIndex, name)).not.toThrow();
    }
    expect(() => checkCall(api.registry, api.tx.balances.transferAllowDeath.callIndex, 'tickStream.recordTick')).toThrow(/balances\.transferAllowDeath/);
  });

  it('CheckMetadataHash: accepts a signature made with the metadata hash computed from the served metadata V15, refuses one with any other hash', async () => {
    const served = (await api.call.metadata.metadataAtVersion(15)) as unknown as { unwrap(): { toU8a(bare: boolean): Uint8Array } };
    const metadata = served.unwrap().toU8a(true);
    const properties = await api.rpc.system.properties();
    const token = { symbol: properties.tokenSymbol.unwrap()[0].toString(), decimals: properties.tokenDecimals.unwrap()[0].toNumber() };
    const metadataHash = metadataHashOf(metadata, token);
    // What the extension computes is what chain/build-wasm.sh compiled into the runtime.
    expect(metadataHash).toBe(await runtimeMetadataHash(RUNTIME_WASM));
    const ferdie = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Ferdie');
    const payee = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//VilokanamMetadataHash').address;
    const nonce = (await api.rpc.system.accountNextIndex(ferdie.address)).toNumber();

    // A node lying about the metadata (here: about the token, so the hash of what it served differs).
    const lied = metadataHashOf(metadata, { ...token, symbol: 'DOT' });
    const refused = await api.tx.balances.transferKeepAlive(payee, UNIT).signAsync(ferdie, { nonce, mode: 1, metadataHash: lied });
    const refusedSend = send(api, refused);
    refusedSend.included.catch(() => undefined);
    await expect(refusedSend.accepted).rejects.toThrow(/1010|badProof|bad signature/i);

    const signed = await api.tx.balances.transferKeepAlive(payee, UNIT).signAsync(ferdie, { nonce, mode: 1, metadataHash });
    expect(signed.mode.toNumber(), 'CheckMetadataHash is on in the extrinsic').toBe(1);
    const included = await send(api, signed).included;
    expect(included.error).toBeNull();
  });

  it('declares its token and serves the dev preset', async () => {
    const properties = await api.rpc.system.properties();
    expect(properties.tokenSymbol.unwrap()[0].toString()).toBe('VIL');
    expect(properties.tokenDecimals.unwrap()[0].toNumber()).toBe(12);
    expect(api.runtimeVersion.specName.toString()).toBe('vilokanam');
    type Unwrappable<T> = { unwrap(): T };
    const info = ((await api.query.streamRegistry.streamInfo(STREAM)) as unknown as Unwrappable<{ creator: { toString(): string } }>).unwrap();
    expect(info.creator.toString()).toBe(bob.address);
    const terms = (
      (await api.query.streamRegistry.terms(STREAM)) as unknown as Unwrappable<{ isActive: { isTrue: boolean }; pricingModel: { baseRatePerMinute: { toBigInt(): bigint } } }>
    ).unwrap();
    expect(terms.isActive.isTrue).toBe(true);
    expect(terms.pricingModel.baseRatePerMinute.toBigInt()).toBe(DEMO_RATE);
    expect(await free(alice.address)).toBe(1_000_000n * UNIT);
    // A quiet chain asks for a settlement every second.
    expect(Number((await api.query.tickStream.settlementInterval()).toString())).toBe(1);
  });

  it('reports small real fees through payment_queryInfo', async () => {
    const tick = api.tx.tickStream.recordTick(STREAM, 1, DEMO_RATE);
    const info = await tick.paymentInfo(alice);
    const fee = info.partialFee.toBigInt();
    expect(fee).toBeGreaterThan(0n);
    // Under 1 % of the price of the second it pays for.
    expect(fee * 100n).toBeLessThan(DEMO_RATE / 60n);
  });

  it('decodes dispatch errors to Section.Name', async () => {
    const notJoined = await submit(api, charlie, api.tx.tickStream.recordTick(STREAM, 1, DEMO_RATE));
    expect(notJoined.error).toBe('TickStream.NotJoined');
    const notCreator = await submit(api, charlie, api.tx.paymentHandler.withdrawEarnings(STREAM, 1));
    expect(notCreator.error).toBe('PaymentHandler.Unauthorized');
    const noStream = await submit(api, charlie, api.tx.tickStream.joinStream(999, DEMO_RATE));
    expect(noStream.error).toBe('TickStream.StreamNotFound');
  });

  it('meters a viewer: register, join (hold), 10 settlements, leave, tip, withdraw — balances exact to the unit', async () => {
    // Charlie registers a stream at a rate that is not a multiple of 60; its deposit is held.
    const RATE = 7_777_777n;
    const charlieBefore = await free(charlie.address);
    const registered = await submit(
      api,
      charlie,
      api.tx.streamRegistry.registerStream('Charlie live', 'chain test', 'test', {
        baseRatePerMinute: RATE,
        premiumRatePerMinute: null,
        subscriptionAvailable: false,
        subscriptionPrice: null,
      }),
    );
    expect(registered.error).toBeNull();
    const event = registered.events.find(({ event }) => api.events.streamRegistry.StreamRegistered.is(event));
    expect(event).toBeDefined();
    const STREAM = Number(event!.event.data[0].toString());
    expect(STREAM).toBe(3); // after the dev preset's streams 1 and 2
    expect(await free(charlie.address)).toBe(charlieBefore - constant('streamRegistry', 'streamDeposit') - registered.fee);

    const aliceStart = await free(alice.address);
    const charlieStart = await free(charlie.address);
    let aliceFees = 0n;

    const joined = await submit(api, alice, api.tx.tickStream.joinStream(STREAM, RATE));
    expect(joined.error).toBeNull();
    expect(joined.events.some(({ event }) => event.section === 'tickStream' && event.method === 'ViewerJoined')).toBe(true);
    aliceFees += joined.fee;
    const held = windowFunds(RATE) + constant('tickStream', 'sessionDeposit');
    expect(await free(alice.address)).toBe(aliceStart - held - aliceFees);

    // Ten one-second settlements, signed serially with consecutive nonces and all in flight at once.
    const ticks = await submitPipelined(
      api,
      alice,
      Array.from({ length: 10 }, () => api.tx.tickStream.recordTick(STREAM, 1, RATE)),
    );
    for (const tick of ticks) {
      expect(tick.error).toBeNull();
      aliceFees += tick.fee;
    }
    // floor(10 × rate / 60), though each second alone is charged floor((rate + carry) / 60): owed from
    // the hold, not yet in escrow (a flush comes every FlushSeconds).
    const tickPayments = (10n * RATE) / 60n;
    const settled = await session(STREAM, alice.address);
    expect(settled).toMatchObject({ ticks: 10n, paid: tickPayments, owed: tickPayments, unflushedTicks: 10n });
    expect(await earnings(STREAM)).toBe(0n);
    expect(await free(alice.address)).toBe(aliceStart - held - aliceFees);

    // Leaving moves what is owed into escrow and releases the rest.
    const left = await submit(api, alice, api.tx.tickStream.leaveStream(STREAM));
    expect(left.error).toBeNull();
    aliceFees += left.fee;
    expect(await earnings(STREAM)).toBe(tickPayments);
    expect(await flushedSeconds(STREAM)).toBe(10n);
    expect(await free(alice.address)).toBe(aliceStart - tickPayments - aliceFees);

    const tip = 5n * UNIT;
    const tipped = await submit(api, alice, api.tx.paymentHandler.processPayment(STREAM, tip));
    expect(tipped.error).toBeNull();
    aliceFees += tipped.fee;
    expect(await earnings(STREAM)).toBe(tickPayments + tip);
    expect(await free(alice.address)).toBe(aliceStart - tickPayments - tip - aliceFees);

    const notCreator = await submit(api, bob, api.tx.paymentHandler.withdrawEarnings(STREAM, 1));
    expect(notCreator.error).toBe('PaymentHandler.Unauthorized');
    const withdrawal = tickPayments + tip;
    const withdrawn = await submit(api, charlie, api.tx.paymentHandler.withdrawEarnings(STREAM, withdrawal));
    expect(withdrawn.error).toBeNull();
    expect(await earnings(STREAM)).toBe(0n);
    expect(await free(charlie.address)).toBe(charlieStart + withdrawal - withdrawn.fee);

    // Stopped and unused, the stream is removed and its deposit comes back.
    const stopped = await submit(api, charlie, api.tx.streamRegistry.updateStreamStatus(STREAM, false));
    const removed = await submit(api, charlie, api.tx.streamRegistry.removeStream(STREAM));
    expect(removed.error).toBeNull();
    expect(await free(charlie.address)).toBe(
      charlieStart + withdrawal - withdrawn.fee - stopped.fee - removed.fee + constant('streamRegistry', 'streamDeposit'),
    );
  });

  it('charges stream 1 exactly floor(ticks × base rate / 60), into escrow on leaving', async () => {
    const eve = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Eve');
    const before = await earnings(STREAM);
    expect((await submit(api, eve, api.tx.tickStream.joinStream(STREAM, DEMO_RATE))).error).toBeNull();
    const ticks = await submitPipelined(
      api,
      eve,
      Array.from({ length: 7 }, () => api.tx.tickStream.recordTick(STREAM, 1, DEMO_RATE)),
    );
    for (const tick of ticks) expect(tick.error).toBeNull();
    expect((await session(STREAM, eve.address))?.paid).toBe((7n * DEMO_RATE) / 60n);
    expect((await submit(api, eve, api.tx.tickStream.leaveStream(STREAM))).error).toBeNull();
    expect(await earnings(STREAM)).toBe(before + (7n * DEMO_RATE) / 60n);
  });

  it('charges a subscriber the subscription, then nothing per second', async () => {
    const CLUB = 2;
    const dave = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Dave');
    const before = await free(dave.address);
    const subscribed = await submit(api, dave, api.tx.paymentHandler.subscribe(CLUB, UNIT));
    expect(subscribed.error).toBeNull();
    expect(await earnings(CLUB)).toBe(UNIT);
    const joined = await submit(api, dave, api.tx.tickStream.joinStream(CLUB, DEMO_RATE));
    const ticks = await submitPipelined(
      api,
      dave,
      Array.from({ length: 3 }, () => api.tx.tickStream.recordTick(CLUB, 1, DEMO_RATE)),
    );
    const fees = subscribed.fee + joined.fee + ticks.reduce((sum, t) => sum + t.fee, 0n);
    for (const tick of ticks) expect(tick.error).toBeNull();
    // Seconds recorded, nothing charged or held for them: only the two deposits are held.
    expect(await session(CLUB, dave.address)).toMatchObject({ ticks: 3n, paid: 0n, held: 0n });
    expect(await earnings(CLUB)).toBe(UNIT);
    const deposits = constant('paymentHandler', 'subscriptionDeposit') + constant('tickStream', 'sessionDeposit');
    expect(await free(dave.address)).toBe(before - UNIT - deposits - fees);
  });

  it('restarts with its state from a database', async () => {
    const db = join(await mkdtemp(join(tmpdir(), 'vilokanam-chain-')), 'chain-db');
    const first = await startChain({ engine, port: 0, db });
    const client = await ApiPromise.create({ provider: new WsProvider(first.endpoint), noInitWarn: true });
    const ferdie = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Ferdie');
    const sent = await submit(client, ferdie, client.tx.balances.transferKeepAlive(alice.address, UNIT));
    expect(sent.error).toBeNull();
    const head = (await client.rpc.chain.getHeader()).number.toNumber();
    const balance = (await client.query.system.account(ferdie.address)).data.free.toBigInt();
    await client.disconnect();
    await first.close();

    const second = await startChain({ engine, port: 0, db, resume: true });
    const resumed = await ApiPromise.create({ provider: new WsProvider(second.endpoint), noInitWarn: true });
    expect((await resumed.rpc.chain.getHeader()).number.toNumber()).toBe(head);
    expect((await resumed.query.system.account(ferdie.address)).data.free.toBigInt()).toBe(balance);
    // A client connecting afresh signs for the same genesis and is accepted.
    expect(resumed.genesisHash.toHex()).toBe(api.genesisHash.toHex());
    const after = await submit(resumed, ferdie, resumed.tx.balances.transferKeepAlive(alice.address, UNIT));
    expect(after.error).toBeNull();
    await resumed.disconnect();
    await second.close();
  });

  it('refuses to join a viewer who cannot hold the session, changing nothing', async () => {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const broke = keyring.addFromUri('//VilokanamBroke');
    // Enough for fees, far too little for a window at the demo rate (1 VIL).
    const funded = await submit(api, alice, api.tx.balances.transferKeepAlive(broke.address, UNIT / 100n));
    expect(funded.error).toBeNull();
    const refused = await submit(api, broke, api.tx.tickStream.joinStream(STREAM, DEMO_RATE));
    expect(refused.error).toBe('TickStream.InsufficientFunds');
    expect(await session(STREAM, broke.address)).toBeNull();
    expect(await free(broke.address)).toBe(UNIT / 100n - refused.fee);
  });
});
