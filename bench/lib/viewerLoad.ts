// Simulated viewers for figure 4: accounts funded by Alice, joined to the demo stream with their funds on
// hold, then settling `record_tick(1 second)` — every second, or as fast as the node takes them — from a
// few connections in this process, straight over JSON-RPC (`author_submitExtrinsic`).
import { ApiPromise, WsProvider } from '@polkadot/api';
import { DEV_PHRASE, Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Call } from '@polkadot/types/interfaces';
import type { SignatureOptions } from '@polkadot/types/types';
import { DEMO_RATE_PER_MINUTE, DEMO_STREAM, expectedPayment, UNIT } from '../../test/e2e/chainState.js';
import type { BlockWatcher, WatchedBlock } from './blockWatcher.js';
import { sleep } from '../../test/e2e/sleep.js';
import { deliveryRate, quantile } from './stats.js';

/** Enough for the join (deposit, 600 s of the demo rate on hold, fee reserve) and the fees, twice over. */
const FUNDS_PER_VIEWER = 2n * UNIT;
const TRANSFERS_PER_BATCH = 250;
const VIEWERS_PER_CONNECTION = 250;
const MAX_CONNECTIONS = 4;
const JOIN_CONCURRENCY = 32;
const FUNDING_TIMEOUT_MS = 120_000;
const JOIN_TIMEOUT_MS = 900_000;
/** How long the bench waits for acceptances, then for blocks, after the last second. */
export const DRAIN_TIMEOUT_MS = 60_000;
/** Each second's viewers are spread over it in this many slices, as real viewers' seconds are. */
const SLICES_PER_SECOND = 20;
const CPU_SAMPLE_MS = 250;

interface Signed {
  hex: string;
  hash: string;
}

export interface Viewer {
  index: number;
  pair: KeyringPair;
  api: ApiPromise;
  provider: WsProvider;
  nonce: number;
  /** Settlements signed ahead of the clock, by nonce. */
  presigned: Map<number, Signed>;
  /** A settlement of this viewer is waiting for the node to accept it (the next one must wait). */
  submitting: boolean;
  /** Settlements that succeeded in a block, counted as each phase is read. */
  settled: number;
}

export interface OfferOptions {
  /** `perSecond`: one settlement per viewer per second for `seconds`; `saturate`: each viewer sends its next settlement as soon as the node accepted the previous one, for `seconds` or until its signed ones run out. */
  mode: 'perSecond' | 'saturate';
  seconds: number;
  /** Extrinsics waiting for acceptance at once; a viewer's second that would exceed it is not sent (perSecond). */
  maxAwaiting: number;
  /** CPU seconds the chain's processes have used so far. */
  chainCpuSeconds(): number;
}

export interface PhaseResult {
  metrics: {
    /** Settlements that succeeded in blocks ÷ time from the first second to the arrival of the last of their blocks. */
    sustained: number;
    failures: number;
    pending: number;
    skipped: number;
    acceptP50: number;
    chainCpu: number;
  };
  details: Record<string, unknown>;
}

/** 'ok', or the dispatch error of the extrinsic `hash` in `block`. */
export function outcomeOf(block: WatchedBlock, hash: string): string {
  const index = block.extrinsics.indexOf(hash);
  const event = block.events.find((candidate) => candidate.extrinsic === index && candidate.section === 'system' && (candidate.method === 'ExtrinsicSuccess' || candidate.method === 'ExtrinsicFailed'));
  if (!event) return 'no outcome event';
  return event.method === 'ExtrinsicSuccess' ? 'ok' : (event.fields.dispatchError ?? 'failed');
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const total = (map: Map<string, number>) => [...map.values()].reduce((sum, value) => sum + value, 0);

export class SimulatedViewers {
  readonly viewers: Viewer[];
  readonly #apis: ApiPromise[];
  /** Per connection: the call every settlement makes, and the options that sign it without asking the node. */
  readonly #settlement = new Map<ApiPromise, { call: Call; options: Omit<SignatureOptions, 'nonce'> }>();

  private constructor(apis: ApiPromise[], providers: WsProvider[], n: number) {
    this.#apis = apis;
    const keyring = new Keyring({ type: 'sr25519', ss58Format: apis[0].registry.chainSS58 ?? 42 });
    this.viewers = Array.from({ length: n }, (_, index) => ({
      index,
      pair: keyring.addFromUri(`${DEV_PHRASE}//vilokanam-bench//${index}`),
      api: apis[index % apis.length],
      provider: providers[index % apis.length],
      nonce: 0,
      presigned: new Map(),
      submitting: false,
      settled: 0,
    }));
    for (const api of apis) {
      this.#settlement.set(api, {
        call: api.createType('Call', api.tx.tickStream.recordTick(DEMO_STREAM, 1, DEMO_RATE_PER_MINUTE).method),
        // Immortal (the default era): no header to fetch, and valid however many blocks pass.
        options: {
          blockHash: api.genesisHash,
          genesisHash: api.genesisHash,
          era: api.createType('ExtrinsicEra'),
          runtimeVersion: api.runtimeVersion,
          signedExtensions: api.registry.signedExtensions,
        },
      });
    }
  }

  /** `n` viewers (`<DEV_PHRASE>//vilokanam-bench//i`) spread over up to four connections to `endpoint`. */
  static async connect(endpoint: string, n: number): Promise<SimulatedViewers> {
    const connections = Math.min(MAX_CONNECTIONS, Math.ceil(n / VIEWERS_PER_CONNECTION));
    const providers: WsProvider[] = [];
    const apis: ApiPromise[] = [];
    try {
      for (let i = 0; i < connections; i++) {
        providers.push(new WsProvider(endpoint));
        apis.push(await ApiPromise.create({ provider: providers[i], noInitWarn: true }));
      }
    } catch (error) {
      for (const api of apis) await api.disconnect().catch(() => undefined);
      throw error;
    }
    return new SimulatedViewers(apis, providers, n);
  }

  get api(): ApiPromise {
    return this.#apis[0];
  }

  get connections(): number {
    return this.#apis.length;
  }

  async disconnect(): Promise<void> {
    for (const api of this.#apis) await api.disconnect().catch(() => undefined);
  }

  /**
   * Alice funds the viewers with utility.batch of transfers, sent one after another once each is accepted
   * (inclusion is read from the blocks).
   */
  async fund(blocks: BlockWatcher): Promise<void> {
    const api = this.api;
    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const hashes: string[] = [];
    for (let start = 0; start < this.viewers.length; start += TRANSFERS_PER_BATCH) {
      const transfers = this.viewers.slice(start, start + TRANSFERS_PER_BATCH).map((viewer) => api.tx.balances.transferKeepAlive(viewer.pair.address, FUNDS_PER_VIEWER));
      const signed = await api.tx.utility.batch(transfers).signAsync(alice, { nonce: nonce++, era: 0 });
      hashes.push((await api.rpc.author.submitExtrinsic(signed)).toHex());
    }
    await untilInBlocks(blocks, hashes, FUNDING_TIMEOUT_MS, 'funding');
    for (const hash of hashes) {
      const block = blocks.blockOf(hash)!;
      const index = block.extrinsics.indexOf(hash);
      if (block.events.some((event) => event.extrinsic === index && event.section === 'utility' && event.method === 'BatchInterrupted')) {
        throw new Error('funding failed: a utility.batch was interrupted');
      }
    }
  }

  /** Every viewer joins the demo stream at its rate (funds for HeldSeconds go on hold); at most JOIN_CONCURRENCY wait for acceptance at once. */
  async joinAll(blocks: BlockWatcher): Promise<void> {
    const hashes: string[] = [];
    const deadline = Date.now() + JOIN_TIMEOUT_MS;
    let next = 0;
    const worker = async () => {
      while (next < this.viewers.length) {
        if (Date.now() > deadline) throw new Error(`${this.viewers.length - next} viewers had not even sent their join after ${JOIN_TIMEOUT_MS} ms`);
        const viewer = this.viewers[next++];
        const signed = await viewer.api.tx.tickStream.joinStream(DEMO_STREAM, DEMO_RATE_PER_MINUTE).signAsync(viewer.pair, { nonce: viewer.nonce, era: 0 });
        hashes.push((await viewer.api.rpc.author.submitExtrinsic(signed)).toHex());
        viewer.nonce += 1;
      }
    };
    await Promise.all(Array.from({ length: JOIN_CONCURRENCY }, worker));
    await untilInBlocks(blocks, hashes, Math.max(0, deadline - Date.now()), 'join_stream');
  }

  /** Signs each viewer's next `perViewer` settlements now, so that signing (the viewers' own work) does not load the machine while the node is measured. */
  presign(perViewer: number): void {
    for (const viewer of this.viewers) {
      for (let k = 0; k < perViewer; k++) {
        const nonce = viewer.nonce + viewer.presigned.size;
        viewer.presigned.set(nonce, this.#sign(viewer, nonce));
      }
    }
  }

  /** A settlement of `viewer` with `nonce`, signed then (or before). */
  #signed(viewer: Viewer, nonce: number): Signed {
    const ready = viewer.presigned.get(nonce);
    if (ready) {
      viewer.presigned.delete(nonce);
      return ready;
    }
    return this.#sign(viewer, nonce);
  }

  #sign(viewer: Viewer, nonce: number): Signed {
    const { call, options } = this.#settlement.get(viewer.api)!;
    const signed = viewer.api.tx(call).sign(viewer.pair, { ...options, nonce });
    return { hex: signed.toHex(), hash: signed.hash.toHex() };
  }

  /** Offers settlements as `options` says, waits for their blocks, and tells what became of them. */
  async offer(blocks: BlockWatcher, options: OfferOptions): Promise<PhaseResult> {
    const submitted = new Map<string, { viewer: Viewer; sentAt: number }>();
    const acceptMs: number[] = [];
    const rejections = new Map<string, number>();
    let awaiting = 0;
    let skippedOwn = 0;
    let skippedBacklog = 0;
    let timedOut = 0;
    let lateSlices = 0;
    let measuring = true;

    const send = async (viewer: Viewer): Promise<void> => {
      viewer.submitting = true;
      awaiting += 1;
      const nonce = viewer.nonce;
      try {
        const { hex, hash } = this.#signed(viewer, nonce);
        const sentAt = Date.now();
        await viewer.provider.send('author_submitExtrinsic', [hex]);
        acceptMs.push(Date.now() - sentAt);
        submitted.set(hash, { viewer, sentAt });
        viewer.nonce = nonce + 1;
      } catch (error) {
        // After the drain the connections close under calls still waiting: those are counted as pending.
        if (!measuring) return;
        const reason = error instanceof Error ? error.message.slice(0, 120) : String(error);
        if (reason.includes('No response received')) timedOut += 1;
        else count(rejections, reason);
        viewer.nonce = await viewer.api.rpc.system
          .accountNextIndex(viewer.pair.address)
          .then((next) => next.toNumber())
          .catch(() => nonce);
      } finally {
        viewer.submitting = false;
        awaiting -= 1;
      }
    };

    const release = blocks.hold();
    const generatorBefore = process.cpuUsage();
    const start = Date.now();
    // The chain's CPU is read until its last block of this phase, which may come well after the last second.
    const cpuSamples = [{ at: start, seconds: options.chainCpuSeconds() }];
    const sampler = setInterval(() => cpuSamples.push({ at: Date.now(), seconds: options.chainCpuSeconds() }), CPU_SAMPLE_MS);
    const end = start + options.seconds * 1000;
    const inFlight: Promise<void>[] = [];
    if (options.mode === 'perSecond') {
      const n = this.viewers.length;
      for (let second = 0; second < options.seconds; second++) {
        for (let slice = 0; slice < SLICES_PER_SECOND; slice++) {
          const due = start + second * 1000 + (slice * 1000) / SLICES_PER_SECOND;
          await sleep(Math.max(0, due - Date.now()));
          if (Date.now() > due + 1000 / SLICES_PER_SECOND) lateSlices += 1;
          for (let i = Math.ceil((slice * n) / SLICES_PER_SECOND); i < Math.ceil(((slice + 1) * n) / SLICES_PER_SECOND); i++) {
            const viewer = this.viewers[i];
            if (viewer.submitting) skippedOwn += 1;
            else if (awaiting >= options.maxAwaiting) skippedBacklog += 1;
            else inFlight.push(send(viewer));
          }
        }
      }
    } else {
      const loop = async (viewer: Viewer) => {
        while (Date.now() < end && viewer.presigned.has(viewer.nonce)) await send(viewer);
      };
      inFlight.push(...this.viewers.map(loop));
    }
    // Saturating viewers may run out of signed settlements before the end: the window closes with the last.
    await (options.mode === 'perSecond' ? sleep(Math.max(0, end - Date.now())) : Promise.race([Promise.all(inFlight), sleep(Math.max(0, end - Date.now()))]));
    const sentUntil = Date.now();
    const generator = process.cpuUsage(generatorBefore);
    const generatorCpu = ((generator.user + generator.system) / 1000 / (sentUntil - start)) * 100;

    await Promise.race([Promise.all(inFlight), sleep(DRAIN_TIMEOUT_MS)]);
    release();
    const drainDeadline = Date.now() + DRAIN_TIMEOUT_MS;
    await blocks.settled();
    while ([...submitted.keys()].some((hash) => !blocks.blockOf(hash)) && Date.now() < drainDeadline) {
      await sleep(250);
      await blocks.catchUp();
    }
    measuring = false;
    clearInterval(sampler);
    const awaitingAcceptance = awaiting;

    let included = 0;
    let lastInclusion = start;
    const dispatchErrors = new Map<string, number>();
    const perBlock = new Map<WatchedBlock, number>();
    for (const [hash, { viewer }] of submitted) {
      const block = blocks.blockOf(hash);
      if (!block) continue;
      const outcome = outcomeOf(block, hash);
      if (outcome !== 'ok') {
        count(dispatchErrors, outcome);
        continue;
      }
      included += 1;
      viewer.settled += 1;
      perBlock.set(block, (perBlock.get(block) ?? 0) + 1);
      lastInclusion = Math.max(lastInclusion, block.arrivedAt);
    }
    const missing = [...submitted.keys()].filter((hash) => !blocks.blockOf(hash));
    const notIncluded = missing.length;
    const cpuUntil = cpuSamples.find((sample) => sample.at >= lastInclusion) ?? cpuSamples.at(-1)!;
    const chainCpu = ((cpuUntil.seconds - cpuSamples[0].seconds) / Math.max(0.001, (cpuUntil.at - start) / 1000)) * 100;
    const rate = deliveryRate([...perBlock].map(([block, settled]) => ({ at: block.arrivedAt, count: settled })));
    return {
      metrics: {
        sustained: rate ?? included / ((lastInclusion - start) / 1000),
        failures: total(rejections) + total(dispatchErrors),
        pending: notIncluded + awaitingAcceptance + timedOut,
        skipped: skippedOwn + skippedBacklog,
        acceptP50: acceptMs.length > 0 ? quantile(acceptMs, 0.5) : Number.NaN,
        chainCpu,
      },
      details: {
        mode: options.mode,
        seconds: options.seconds,
        offered: options.mode === 'perSecond' ? this.viewers.length * options.seconds : null,
        submitted: submitted.size,
        included,
        blocks: perBlock.size,
        largestBlock: Math.max(0, ...perBlock.values()),
        sendingSeconds: (sentUntil - start) / 1000,
        drainSeconds: Math.max(0, lastInclusion - sentUntil) / 1000,
        rejected: Object.fromEntries(rejections),
        dispatchErrors: Object.fromEntries(dispatchErrors),
        notIncluded,
        notIncludedExamples: missing.slice(0, 3),
        awaitingAcceptance,
        acceptanceTimedOut: timedOut,
        skippedOwnPreviousWaiting: skippedOwn,
        skippedNodeBacklog: skippedBacklog,
        generatorLateSlices: lateSlices,
        generatorCpu,
        acceptP95: acceptMs.length > 0 ? quantile(acceptMs, 0.95) : null,
      },
    };
  }

  /**
   * Viewers whose books are not exact: the session on chain must hold every settlement that succeeded
   * in a block (`ticks`) and have charged exactly floor(ticks × rate / 60) for them (`paid`).
   */
  async wrongBooks(): Promise<{ wrong: number; examples: string[] }> {
    const sessions = await this.api.query.tickStream.sessions.multi(this.viewers.map((viewer) => [DEMO_STREAM, viewer.pair.address]));
    const examples: string[] = [];
    let wrong = 0;
    for (const [i, session] of sessions.entries()) {
      const viewer = this.viewers[i];
      const json = session.toJSON() as { ticks: number | string; paid: number | string } | null;
      const ticks = json ? Number(json.ticks) : null;
      const paid = json ? BigInt(json.paid) : null;
      if (ticks === viewer.settled && paid === expectedPayment(viewer.settled, DEMO_RATE_PER_MINUTE)) continue;
      wrong += 1;
      if (examples.length < 5) examples.push(`viewer ${i}: ${viewer.settled} settled in blocks, session ticks ${ticks}, paid ${paid}`);
    }
    return { wrong, examples };
  }
}

/** Waits until every extrinsic in `hashes` is in a block and succeeded; throws after `timeoutMs` or on a failure. */
async function untilInBlocks(blocks: BlockWatcher, hashes: string[], timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await blocks.settled();
    const missing = hashes.filter((hash) => !blocks.blockOf(hash)).length;
    if (missing === 0) break;
    if (Date.now() > deadline) throw new Error(`${missing} of ${hashes.length} ${what} extrinsics not in a block after ${timeoutMs} ms`);
    await sleep(200);
  }
  const failed = hashes.map((hash) => outcomeOf(blocks.blockOf(hash)!, hash)).filter((outcome) => outcome !== 'ok');
  if (failed.length > 0) throw new Error(`${failed.length} ${what} extrinsics failed, e.g. ${failed[0]}`);
}
