// What the chain recorded, read with @polkadot/api — the e2e scenarios assert on this, never on what the
// extension's UI claims. Also sets the chain up the way people would: funds viewers from Alice and
// registers streams for creators (dev accounts).
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { ISubmittableResult } from '@polkadot/types/types';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

export const DEMO_STREAM = '1';
/** Stream 1's base rate in the dev preset: 0.1 VIL per minute. */
export const DEMO_RATE_PER_MINUTE = 100_000_000_000n;
export const EXISTENTIAL_DEPOSIT = 1_000_000_000n;
export const UNIT = 1_000_000_000_000n;

export type DevAccount = 'alice' | 'bob' | 'charlie' | 'dave' | 'eve' | 'ferdie';

/** `TickStream.Sessions(stream, viewer)` */
export interface ViewerSession {
  joinedAt: number;
  ticks: number;
  paid: bigint;
  carry: bigint;
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

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

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
        keyring.addFromUri(`//${name[0]!.toUpperCase()}${name.slice(1)}`),
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
    return registered.event.data[0]!.toString();
  }

  async setStreamActive(creator: DevAccount, stream: string, active: boolean): Promise<void> {
    await this.signed(this.dev[creator], this.api.tx.streamRegistry.updateStreamStatus(stream, active));
  }

  async session(stream: string, viewer: string): Promise<ViewerSession | null> {
    const stored = (await this.api.query.tickStream.sessions(stream, viewer)) as unknown as {
      isNone: boolean;
      unwrap(): { joinedAt: { toNumber(): number }; ticks: { toNumber(): number }; paid: { toBigInt(): bigint }; carry: { toBigInt(): bigint } };
    };
    if (stored.isNone) return null;
    const session = stored.unwrap();
    return { joinedAt: session.joinedAt.toNumber(), ticks: session.ticks.toNumber(), paid: session.paid.toBigInt(), carry: session.carry.toBigInt() };
  }

  async tickCount(stream: string): Promise<number> {
    return Number((await this.api.query.tickStream.tickCount(stream)).toString());
  }

  async earnings(stream: string): Promise<bigint> {
    return BigInt((await this.api.query.paymentHandler.streamEarnings(stream)).toString());
  }

  async free(address: string): Promise<bigint> {
    return (await this.api.query.system.account(address)).data.free.toBigInt();
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

  /** `TickStream.TickRecorded` events for this viewer and stream since block `from`. */
  async tickEvents(stream: string, viewer: string, from: number): Promise<{ ticks: number; amount: bigint; block: number }[]> {
    return (await this.events(from))
      .filter((event) => event.section === 'tickStream' && event.method === 'TickRecorded')
      .filter((event) => event.fields.streamId === stream && event.fields.viewer === viewer)
      .map((event) => ({ ticks: Number(event.fields.ticks), amount: BigInt(event.fields.amount!), block: event.block }));
  }

  /** Network fees `who` paid since block `from` (TransactionPayment.TransactionFeePaid; its actualFee includes any tip). */
  async feesPaidBy(who: string, from: number): Promise<bigint> {
    return (await this.events(from))
      .filter((event) => event.section === 'transactionPayment' && event.method === 'TransactionFeePaid' && event.fields.who === who)
      .reduce((sum, event) => sum + BigInt(event.fields.actualFee!), 0n);
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
      if (now?.ticks !== last?.ticks || now?.paid !== last?.paid) {
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
