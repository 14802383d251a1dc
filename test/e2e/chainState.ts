// What the chain recorded, read with @polkadot/api — the e2e scenarios assert on this, never on what the
// extension's UI claims. Also sets the chain up the way people would: funds viewers from Alice and
// registers streams for creators (dev accounts).
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { ISubmittableResult } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { sleep } from './sleep.js';

export const DEMO_STREAM = '1';
/** Stream 1's base rate in the dev preset: 0.1 VIL per minute. */
export const DEMO_RATE_PER_MINUTE = 100_000_000_000n;
export const EXISTENTIAL_DEPOSIT = 1_000_000_000n;
export const UNIT = 1_000_000_000_000n;

export type DevAccount = 'alice' | 'bob' | 'charlie' | 'dave' | 'eve' | 'ferdie';

/** `TickStream.Sessions(stream, viewer)` (docs/chain.md) */
export interface ViewerSession {
  maxRatePerMinute: bigint;
  /** ms of chain time: the elapsed-time guard's clock. */
  billedUntil: number;
  ticks: number;
  paid: bigint;
  carry: bigint;
  /** Charged, still on hold: in escrow at the next flush. */
  owed: bigint;
  unflushedTicks: number;
  held: bigint;
  deposit: bigint;
}

export interface ChainEvent {
  block: number;
  section: string;
  method: string;
  /** Field name (camelCase, as @polkadot/api names it) or index → the value as text (amounts stay exact). */
  fields: Record<string, string>;
}

export interface Viewer {
  mnemonic: string;
  address: string;
}

/** What a viewer pays for `ticks` seconds at a constant rate: floor(ticks × rate / 60). */
export const expectedPayment = (ticks: number, ratePerMinute: bigint) => (BigInt(ticks) * ratePerMinute) / 60n;


/**
 * Signs, submits and resolves with the result once the transaction is in a block. Chopsticks reports
 * `inBlock` and, 100 ms later, `finalized`; @polkadot/api keeps only the last notification that arrives
 * before it has registered the subscription, so `inBlock` alone can be missed — either status will do.
 */
function included(signer: KeyringPair, tx: SubmittableExtrinsic<'promise'>): Promise<ISubmittableResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let unsubscribe: (() => void) | undefined;
    // nonce -1: ask the runtime (AccountNonceApi); without it @polkadot/api uses a cached, possibly stale one.
    tx.signAndSend(signer, { nonce: -1 }, (result) => {
      if (settled) return;
      if (result.isError) {
        settled = true;
        reject(new Error(`transaction ${result.status.type}`));
      } else if (result.status.isInBlock || result.status.isFinalized) {
        settled = true;
        resolve(result);
      } else return;
      unsubscribe?.();
    })
      .then((stop) => {
        unsubscribe = stop;
        if (settled) stop();
      })
      .catch(reject);
  });
}

interface StoredSession {
  isNone: boolean;
  unwrap(): Record<string, { toString(): string }>;
}

function sessionOf(stored: StoredSession): ViewerSession | null {
  if (stored.isNone) return null;
  const value = stored.unwrap();
  const big = (name: string) => BigInt(value[name].toString());
  return {
    maxRatePerMinute: big('maxRatePerMinute'),
    billedUntil: Number(big('billedUntil')),
    ticks: Number(big('ticks')),
    paid: big('paid'),
    carry: big('carry'),
    owed: big('owed'),
    unflushedTicks: Number(big('unflushedTicks')),
    held: big('held'),
    deposit: big('deposit'),
  };
}

export class ChainState {
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Events by block number; blocks never change once built (chopsticks builds no forks). */
  private readonly blockEvents = new Map<number, ChainEvent[]>();

  private constructor(
    readonly api: ApiPromise,
    readonly dev: Record<DevAccount, KeyringPair>,
    private readonly keyring: Keyring,
  ) {}

  static async connect(endpoint: string): Promise<ChainState> {
    await cryptoWaitReady();
    const api = await ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 ?? 42 });
    const dev = Object.fromEntries(
      (['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie'] as const).map((name) => [
        name,
        keyring.addFromUri(`//${name[0].toUpperCase()}${name.slice(1)}`),
      ]),
    ) as Record<DevAccount, KeyringPair>;
    return new ChainState(api, dev, keyring);
  }

  /**
   * Signs with `signer` once its previous transaction from this helper is in a block (one nonce at a time)
   * and fails with `Section.Name` when the call failed.
   */
  private async signed(signer: KeyringPair, tx: SubmittableExtrinsic<'promise'>): Promise<ISubmittableResult> {
    const previous = this.queues.get(signer.address) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => included(signer, tx));
    this.queues.set(signer.address, next);
    const result = await next;
    if (result.dispatchError) {
      const error = result.dispatchError.isModule ? this.api.registry.findMetaError(result.dispatchError.asModule) : null;
      throw new Error(`${tx.method.section}.${tx.method.method} failed: ${error ? `${error.section}.${error.name}` : result.dispatchError.toString()}`);
    }
    return result;
  }

  /** A brand-new account (its mnemonic is imported into the extension) funded by Alice with `funds` plancks. */
  async newViewer(funds: bigint): Promise<Viewer> {
    const mnemonic = mnemonicGenerate(12);
    const { address } = this.keyring.addFromMnemonic(mnemonic);
    if (funds > 0n) await this.fund(address, funds);
    return { mnemonic, address };
  }

  async fund(address: string, amount: bigint): Promise<void> {
    await this.signed(this.dev.alice, this.api.tx.balances.transferKeepAlive(address, amount));
  }

  /** Registers an active stream for `creator` and returns its id. */
  async registerStream(creator: DevAccount, title: string, ratePerMinute = DEMO_RATE_PER_MINUTE): Promise<string> {
    const pricing = { baseRatePerMinute: ratePerMinute, premiumRatePerMinute: null, subscriptionAvailable: false, subscriptionPrice: null };
    const result = await this.signed(this.dev[creator], this.api.tx.streamRegistry.registerStream(title, 'e2e', 'test', pricing));
    const registered = result.events.find(({ event }) => event.section === 'streamRegistry' && event.method === 'StreamRegistered');
    if (!registered) throw new Error('register_stream emitted no StreamRegistered');
    return registered.event.data[0].toString();
  }

  async setStreamActive(creator: DevAccount, stream: string, active: boolean): Promise<void> {
    await this.signed(this.dev[creator], this.api.tx.streamRegistry.updateStreamStatus(stream, active));
  }

  async session(stream: string, viewer: string): Promise<ViewerSession | null> {
    return sessionOf((await this.api.query.tickStream.sessions(stream, viewer)) as unknown as StoredSession);
  }

  /** Every open session of the stream. */
  async sessions(stream: string): Promise<ViewerSession[]> {
    const entries = (await this.api.query.tickStream.sessions.entries(stream)) as unknown as [unknown, StoredSession][];
    return entries.flatMap(([, stored]) => {
      const session = sessionOf(stored);
      return session ? [session] : [];
    });
  }

  /** Seconds settled on the stream, all viewers: flushed into its totals plus what open sessions have not flushed. */
  async secondsWatched(stream: string): Promise<number> {
    const totals = (await this.api.query.tickStream.totals(stream)) as unknown as { seconds: { toNumber(): number } };
    return totals.seconds.toNumber() + (await this.sessions(stream)).reduce((sum, session) => sum + session.unflushedTicks, 0);
  }

  /** `PaymentHandler.StreamEarnings`: what the stream has in escrow (withdrawable). */
  async escrow(stream: string): Promise<bigint> {
    return BigInt((await this.api.query.paymentHandler.streamEarnings(stream)).toString());
  }

  /** What the stream earned and has not withdrawn: in escrow plus what open sessions owe it from their holds. */
  async earnings(stream: string): Promise<bigint> {
    const owed = (await this.sessions(stream)).reduce((sum, session) => sum + session.owed, 0n);
    return (await this.escrow(stream)) + owed;
  }

  async free(address: string): Promise<bigint> {
    return (await this.api.query.system.account(address)).data.free.toBigInt();
  }

  /** Funds of the account on hold (sessions' funds and deposits: `AccountData.reserved`). */
  async onHold(address: string): Promise<bigint> {
    return (await this.api.query.system.account(address)).data.reserved.toBigInt();
  }

  /** A constant of the runtime, e.g. `('tickStream', 'heldSeconds')`. */
  constant(pallet: string, name: string): bigint {
    const value = (this.api.consts as unknown as Record<string, Record<string, { toString(): string } | undefined> | undefined>)[pallet]?.[name];
    if (!value) throw new Error(`no constant ${pallet}.${name}`);
    return BigInt(value.toString());
  }

  /** What an account needs free to join at `ratePerMinute` (docs/chain.md). */
  joinCost(ratePerMinute: bigint): bigint {
    const window = (ratePerMinute * this.constant('tickStream', 'heldSeconds') + 59n) / 60n;
    return EXISTENTIAL_DEPOSIT + this.constant('tickStream', 'sessionDeposit') + window + this.constant('tickStream', 'feeReserve');
  }

  /** `TickStream.SettlementInterval`, as the chain publishes it. */
  async settlementInterval(): Promise<number> {
    return Number((await this.api.query.tickStream.settlementInterval()).toString());
  }

  /**
   * Sets `TickStream.SettlementInterval` as a chain under load would (Alice is sudo in the dev preset):
   * `sudo(system.set_storage)`. The chain republishes its own value when a session opens or closes.
   * Resolves with the number of the block that changed it.
   */
  async setSettlementInterval(seconds: number): Promise<number> {
    const key = this.api.query.tickStream.settlementInterval.key();
    const value = u8aToHex(this.api.createType('u32', seconds).toU8a());
    const { status } = await this.signed(this.dev.alice, this.api.tx.sudo.sudo(this.api.tx.system.setStorage([[key, value]])));
    const hash = status.isInBlock ? status.asInBlock : status.asFinalized;
    return (await this.api.rpc.chain.getHeader(hash)).number.toNumber();
  }

  /** Transactions the account has had included so far. */
  async nonce(address: string): Promise<number> {
    return (await this.api.query.system.account(address)).nonce.toNumber();
  }

  async genesisHash(): Promise<string> {
    return this.api.genesisHash.toHex();
  }

  async bestBlock(): Promise<number> {
    return (await this.api.rpc.chain.getHeader()).number.toNumber();
  }

  /** Every event in blocks `from`..best (inclusive). */
  async events(from: number): Promise<ChainEvent[]> {
    const best = await this.bestBlock();
    const events: ChainEvent[] = [];
    for (let block = from; block <= best; block++) events.push(...(await this.eventsOf(block)));
    return events;
  }

  private async eventsOf(block: number): Promise<ChainEvent[]> {
    const cached = this.blockEvents.get(block);
    if (cached) return cached;
    const hash = await this.api.rpc.chain.getBlockHash(block);
    const records = await (await this.api.at(hash)).query.system.events();
    const events = records.map(({ event }) => {
      const names = event.data.names ?? event.data.map((_, index) => String(index));
      const fields = Object.fromEntries(event.data.map((value, index) => [names[index] ?? String(index), value.toString()]));
      return { block, section: event.section, method: event.method, fields };
    });
    this.blockEvents.set(block, events);
    return events;
  }

  /** The viewer's signed extrinsics in blocks `from`..best, with their `CheckMetadataHash` mode (1: signed with the metadata hash). */
  async signedBy(who: string, from: number): Promise<{ block: number; call: string; mode: number }[]> {
    const best = await this.bestBlock();
    const found: { block: number; call: string; mode: number }[] = [];
    for (let block = from; block <= best; block++) {
      const { block: body } = await this.api.rpc.chain.getBlock(await this.api.rpc.chain.getBlockHash(block));
      for (const extrinsic of body.extrinsics) {
        if (extrinsic.isSigned && extrinsic.signer.toString() === who)
          found.push({ block, call: `${extrinsic.method.section}.${extrinsic.method.method}`, mode: extrinsic.mode.toNumber() });
      }
    }
    return found;
  }

  /** `TickStream.TickRecorded` events for this viewer and stream since block `from`. */
  async tickEvents(stream: string, viewer: string, from: number): Promise<{ ticks: number; amount: bigint; block: number }[]> {
    return (await this.events(from))
      .filter((event) => event.section === 'tickStream' && event.method === 'TickRecorded')
      .filter((event) => event.fields.streamId === stream && event.fields.viewer === viewer)
      .map((event) => ({ ticks: Number(event.fields.ticks), amount: BigInt(event.fields.amount), block: event.block }));
  }

  /** Network fees `who` paid since block `from` (TransactionPayment.TransactionFeePaid; its actualFee includes any tip). */
  async feesPaidBy(who: string, from: number): Promise<bigint> {
    return (await this.events(from))
      .filter((event) => event.section === 'transactionPayment' && event.method === 'TransactionFeePaid' && event.fields.who === who)
      .reduce((sum, event) => sum + BigInt(event.fields.actualFee), 0n);
  }

  /**
   * Waits until the viewer's session has not changed for `quietMs` (nothing more is landing) and returns it.
   * With 6-second blocks pass a quiet time above the block time.
   */
  async settledSession(stream: string, viewer: string, quietMs = 3000, timeoutMs = 90_000): Promise<ViewerSession | null> {
    const deadline = Date.now() + timeoutMs;
    let last = await this.session(stream, viewer);
    let since = Date.now();
    while (Date.now() < deadline) {
      await sleep(500);
      const now = await this.session(stream, viewer);
      if (now?.ticks !== last?.ticks || now?.paid !== last?.paid || (now === null) !== (last === null)) {
        last = now;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) {
        return now;
      }
    }
    throw new Error(`stream ${stream}: the session of ${viewer} still changed after ${timeoutMs} ms`);
  }

  /** Resolves once the client has its connection back after the chain restarted (WsProvider retries every 2.5 s). */
  async reconnected(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.api.isConnected) {
      if (Date.now() > deadline) throw new Error(`no connection to the chain within ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  async disconnect(): Promise<void> {
    await this.api.disconnect();
  }
}
