import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Codec, ISubmittableResult, Registry } from '@polkadot/types/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import type { BalanceState, NetworkState } from '../shared/messages';
import type { ChainStream, ChainViewerSession, MeteringChain, NonceStatus, SettlementTerms, SignedInfo, TxOutcome } from './chainTypes';
import { checkCall, type SignableCall } from './callGuard';
import type { CreatorChain } from './creatorService';
import { logDropped } from './dropLog';
import type { MetadataCache, MetadataKey, RuntimeMetadata } from './metadataCache';
import { METADATA_VERSION_ARG, metadataHashOf, opaqueMetadataOf } from './metadataHash';
import { NonceManager } from './nonceManager';
import type { CallEvent, CallOutcome, PalletCall } from './palletCalls';
import { StorageFeeds } from './storageFeeds';
import { classifyPoolRejection, dispatchErrorName } from './txErrors';
import { t } from '../shared/i18n';

export const DEFAULT_ENDPOINT = 'ws://127.0.0.1:9944';
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;
const RPC_TIMEOUT_MS = 30_000;
/** A call the pool accepted and no block took this long after (ten 6 s blocks) is settled from chain state. */
export const INCLUSION_TIMEOUT_MS = 60_000;

// The runtime's types come from its metadata (no generated augmentation): narrow views of what is read.
interface BigCodec extends Codec {
  toBigInt(): bigint;
  toNumber(): number;
}
interface OptionCodec<T> extends Codec {
  isNone: boolean;
  unwrap(): T;
}
interface AccountInfoCodec extends Codec {
  nonce: BigCodec;
  data: { free: BigCodec; frozen?: BigCodec; miscFrozen?: BigCodec };
}
interface StreamInfoCodec extends Codec {
  creator: Codec;
  title: Codec & { toUtf8(): string };
}
interface StreamTermsCodec extends Codec {
  pricingModel: { baseRatePerMinute: BigCodec };
  isActive: Codec & { isTrue: boolean };
}
interface ViewerSessionCodec extends Codec {
  maxRatePerMinute: BigCodec;
  billedUntil: BigCodec;
  ticks: BigCodec;
  paid: BigCodec;
  held: BigCodec;
  deposit: BigCodec;
}

export interface ChainClientDeps {
  /** The unlocked pair, or null while locked. */
  signer(): KeyringPair | null;
  onChange(): void;
  /** Connected and identified (first time or after a reconnect). */
  onReady(): void;
  /** Runtime metadata kept from an earlier connection, so a restarted worker skips downloading it. */
  metadata: MetadataCache;
}

/**
 * The worker's single connection to the Vilokanam chain: connects (and reconnects with backoff) to the
 * endpoint, identifies the network by genesis hash, follows the account balance, and reads / submits
 * what the metering engine needs. Transactions are signed one by one with a local nonce counter.
 */
export class ChainClient implements MeteringChain, CreatorChain {
  readonly #deps: ChainClientDeps;
  #network: NetworkState;
  #api: ApiPromise | null = null;
  #provider: WsProvider | null = null;
  #nonces: NonceManager | null = null;
  #generation = 0;
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #account: string | null = null;
  #balance: BalanceState | null = null;
  #unsubscribeBalance: (() => void) | null = null;
  #unsubscribeInterval: (() => void) | null = null;
  #settlementTerms: SettlementTerms | null = null;
  /** The metadata the api decodes with and the hash every signature carries (CheckMetadataHash). */
  #runtime: RuntimeMetadata | null = null;
  #feeds: StorageFeeds | null = null;
  /** Results still awaited from submitted transactions, resolved as `unknown` if the connection drops. */
  readonly #awaiting = new Set<(outcome: TxOutcome) => void>();

  constructor(deps: ChainClientDeps, endpoint = DEFAULT_ENDPOINT) {
    this.#deps = deps;
    this.#network = emptyNetwork(endpoint, 'idle');
  }

  get network(): NetworkState {
    return this.#network;
  }

  get balance(): BalanceState | null {
    return this.#balance;
  }

  get freeBalance(): bigint | null {
    return this.#balance ? BigInt(this.#balance.free) : null;
  }

  get settlementInterval(): number | null {
    return this.#network.settlementInterval;
  }

  get settlementTerms(): SettlementTerms | null {
    return this.ready ? this.#settlementTerms : null;
  }

  get ready(): boolean {
    return this.#api !== null && this.#network.status === 'connected';
  }

  /** Storage reads and subscriptions of the pallets for the creator feed and viewer subscriptions; null while not connected. */
  get feeds(): StorageFeeds | null {
    return this.ready ? this.#feeds : null;
  }

  /** Connects to `endpoint`, dropping any previous connection. */
  connect(endpoint: string): void {
    this.#teardown();
    this.#attempt = 0;
    this.#network = emptyNetwork(endpoint, 'connecting');
    this.#deps.onChange();
    void this.#open();
  }

  disconnect(): void {
    this.#teardown();
    this.#network = emptyNetwork(this.#network.endpoint, 'idle');
    this.#deps.onChange();
  }

  /** Follows this account's balance and nonce (null: no account). */
  setAccount(address: string | null): void {
    if (address === this.#account) return;
    this.#account = address;
    this.#nonces = this.#api && address ? this.#newNonceManager(this.#api, address) : null;
    void this.#followBalance();
  }

  // ---------- MeteringChain ----------

  async getStream(streamId: string): Promise<ChainStream | null> {
    const api = this.#requireApi();
    const [infoOption, termsOption] = (await api.queryMulti([
      [api.query.streamRegistry.streamInfo, streamId],
      [api.query.streamRegistry.terms, streamId],
    ] as Parameters<ApiPromise['queryMulti']>[0])) as unknown as [OptionCodec<StreamInfoCodec>, OptionCodec<StreamTermsCodec>];
    if (infoOption.isNone || termsOption.isNone) return null;
    const info = infoOption.unwrap();
    const terms = termsOption.unwrap();
    return {
      streamId,
      title: info.title.toUtf8(),
      creator: info.creator.toString(),
      creatorPublicKey: u8aToHex(info.creator.toU8a()),
      ratePerMinute: terms.pricingModel.baseRatePerMinute.toBigInt(),
      active: terms.isActive.isTrue,
    };
  }

  async readSession(streamId: string): Promise<ChainViewerSession | null> {
    const api = this.#requireApi();
    const viewer = this.#requireAccount();
    const value = (await api.query.tickStream.sessions(streamId, viewer)) as unknown as OptionCodec<ViewerSessionCodec>;
    if (value.isNone) return null;
    const session = value.unwrap();
    return {
      maxRatePerMinute: session.maxRatePerMinute.toBigInt(),
      billedUntilMs: session.billedUntil.toNumber(),
      ticks: session.ticks.toNumber(),
      paid: session.paid.toBigInt(),
      onHold: session.held.toBigInt() + session.deposit.toBigInt(),
    };
  }

  async chainTimeMs(): Promise<number> {
    const api = this.#requireApi();
    return ((await api.query.timestamp.now()) as unknown as BigCodec).toNumber();
  }

  async nonceStatus(): Promise<NonceStatus> {
    const api = this.#requireApi();
    const account = this.#requireAccount();
    const [info, next] = await Promise.all([api.query.system.account(account), api.rpc.system.accountNextIndex(account)]);
    return { stateNonce: (info as unknown as AccountInfoCodec).nonce.toNumber(), poolNextIndex: next.toNumber() };
  }

  async estimateTickFee(): Promise<bigint> {
    const api = this.#requireApi();
    const ticks = this.#settlementTerms?.maxTicksPerCall ?? 1;
    const info = await api.tx.tickStream.recordTick(0, ticks, 0).paymentInfo(this.#requireAccount());
    return info.partialFee.toBigInt();
  }

  join(genesisHash: string, streamId: string, maxRatePerMinute: bigint): Promise<TxOutcome> {
    return this.#submit('tickStream.joinStream', genesisHash, (api) => api.tx.tickStream.joinStream(streamId, maxRatePerMinute));
  }

  leave(genesisHash: string, streamId: string): Promise<TxOutcome> {
    return this.#submit('tickStream.leaveStream', genesisHash, (api) => api.tx.tickStream.leaveStream(streamId));
  }

  recordTicks(
    genesisHash: string,
    streamId: string,
    ticks: number,
    maxRatePerMinute: bigint,
    onSigned: (info: SignedInfo) => Promise<void>,
  ): Promise<TxOutcome> {
    return this.#submit('tickStream.recordTick', genesisHash, (api) => api.tx.tickStream.recordTick(streamId, ticks, maxRatePerMinute), onSigned);
  }

  // ---------- calls the pages ask for (CreatorChain) ----------

  streamCreatorKey(streamId: string): Promise<string | null> {
    return this.#requireFeeds().streamCreatorKey(streamId);
  }

  streamEarnings(streamId: string): Promise<bigint> {
    return this.#requireFeeds().streamEarnings(streamId);
  }

  async estimateFee(call: PalletCall): Promise<bigint> {
    const api = this.#requireApi();
    const info = await palletTx(api, call).paymentInfo(this.#requireAccount());
    return info.partialFee.toBigInt();
  }

  /** Signed with the same nonce counter as the ticks, so both can be in flight together. */
  async submitCall(call: PalletCall): Promise<CallOutcome> {
    let events: CallEvent[] = [];
    const outcome = await this.#submit(
      signableCallOf(call),
      null,
      (api) => palletTx(api, call),
      undefined,
      (result) => (events = result.events.map(({ event }) => ({ section: event.section, method: event.method, data: event.data.map(String) }))),
    );
    return outcome.kind === 'included' ? { kind: 'included', fee: outcome.fee, events } : outcome;
  }

  // ---------- connection ----------

  async #open(): Promise<void> {
    const generation = ++this.#generation;
    const endpoint = this.#network.endpoint;
    const provider = new WsProvider(endpoint, false, {}, RPC_TIMEOUT_MS);
    this.#provider = provider;
    try {
      await new Promise<void>((resolve, reject) => {
        const offConnected = provider.on('connected', () => {
          offConnected();
          offError();
          resolve();
        });
        const offError = provider.on('error', () => {
          offConnected();
          offError();
          reject(new Error(t('errorCannotReach', endpoint)));
        });
        provider.connect().catch(reject);
      });
      const { runtime, cached } = await runtimeMetadataOf(provider, this.#deps.metadata);
      // The api decodes and builds calls with exactly the metadata whose hash signs them.
      const api = await ApiPromise.create({ provider, metadata: { [runtime.key]: runtime.metadata }, noInitWarn: true, throwOnConnect: true }).catch(
        async (error: unknown) => {
          // Stored metadata that does not decode would fail every reconnect the same way: drop it.
          if (cached) {
            logDropped('runtime metadata', `it does not decode (${error instanceof Error ? error.message : String(error)})`);
            await this.#deps.metadata.clear().catch(() => undefined);
          }
          throw error;
        },
      );
      if (generation !== this.#generation) {
        await api.disconnect();
        return;
      }
      if (runtimeKeyOf(api) !== runtime.key) throw new Error(t('errorRuntimeUpgraded'));
      // Calls are built from the very metadata the signatures' hash covers, or nothing is signed.
      if (api.runtimeMetadata.toHex() !== runtime.metadata) throw new Error(t('errorMetadataNotHashed'));
      if (!cached) void this.#deps.metadata.save(runtime).catch(() => undefined);
      const chainName = (await api.rpc.system.chain()).toString();
      const properties = api.registry.getChainProperties();
      if (generation !== this.#generation) return;
      if (!api.tx.tickStream || !api.query.streamRegistry) {
        await api.disconnect();
        this.#network = { ...emptyNetwork(endpoint, 'error'), error: t('errorNotVilokanam', endpoint, chainName) };
        this.#deps.onChange();
        return;
      }
      this.#api = api;
      this.#runtime = runtime;
      this.#settlementTerms = settlementTermsOf(api);
      this.#feeds = new StorageFeeds(api);
      this.#attempt = 0;
      this.#network = {
        endpoint,
        status: 'connected',
        error: null,
        retryAt: null,
        genesisHash: api.genesisHash.toHex(),
        chainName,
        tokenSymbol: properties?.tokenSymbol.unwrapOr(undefined)?.[0]?.toString() ?? api.registry.chainTokens[0] ?? null,
        tokenDecimals: properties?.tokenDecimals.unwrapOr(undefined)?.[0]?.toNumber() ?? api.registry.chainDecimals[0] ?? null,
        ss58Format: api.registry.chainSS58 ?? null,
        existentialDeposit: (api.consts.balances.existentialDeposit as unknown as BigCodec).toBigInt().toString(),
        settlementInterval: null,
      };
      this.#nonces = this.#account ? this.#newNonceManager(api, this.#account) : null;
      provider.on('disconnected', () => {
        if (generation === this.#generation) this.#lost(t('errorConnectionLost', endpoint));
      });
      // The first payment after a (re)connect needs the nonce: read it while the balance and the interval arrive.
      await Promise.all([this.#followBalance(), this.#followSettlementInterval(api, generation), this.#nonces?.prefetch()]);
      this.#deps.onChange();
      this.#deps.onReady();
    } catch (error) {
      if (generation === this.#generation) this.#lost(error instanceof Error ? error.message : String(error));
    }
  }

  /** Drops the connection and tries again later, waiting twice as long each time (capped). */
  #lost(reason: string): void {
    const endpoint = this.#network.endpoint;
    const previous = this.#network;
    this.#teardown();
    const delay = Math.min(FIRST_RETRY_MS * 2 ** this.#attempt, MAX_RETRY_MS);
    this.#attempt += 1;
    this.#network = {
      ...previous,
      endpoint,
      status: 'reconnecting',
      error: reason,
      retryAt: Date.now() + delay,
    };
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#network = { ...this.#network, retryAt: null };
      void this.#open();
    }, delay);
    this.#deps.onChange();
  }

  #teardown(): void {
    this.#generation += 1;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#unsubscribeBalance?.();
    this.#unsubscribeBalance = null;
    this.#unsubscribeInterval?.();
    this.#unsubscribeInterval = null;
    for (const finish of [...this.#awaiting]) finish({ kind: 'unknown', error: 'The connection to the chain was lost.' });
    const api = this.#api;
    const provider = this.#provider;
    this.#api = null;
    this.#feeds = null;
    this.#provider = null;
    this.#nonces = null;
    this.#runtime = null;
    if (api) void api.disconnect().catch(() => undefined);
    else if (provider) void provider.disconnect().catch(() => undefined);
  }

  async #followBalance(): Promise<void> {
    this.#unsubscribeBalance?.();
    this.#unsubscribeBalance = null;
    this.#balance = null;
    const api = this.#api;
    const account = this.#account;
    if (!api || !account) {
      this.#deps.onChange();
      return;
    }
    try {
      const unsubscribe = await api.query.system.account(account, (value: Codec) => {
        const { data } = value as unknown as AccountInfoCodec;
        const free = data.free.toBigInt();
        const frozen = (data.frozen ?? data.miscFrozen)?.toBigInt() ?? 0n;
        this.#balance = { free: free.toString(), transferable: (free > frozen ? free - frozen : 0n).toString() };
        this.#deps.onChange();
      });
      if (this.#api === api && this.#account === account) this.#unsubscribeBalance = unsubscribe;
      else unsubscribe();
    } catch {
      // The connection dropped while subscribing; #lost resubscribes after reconnecting.
    }
  }

  /** `TickStream.SettlementInterval`, now and whenever the chain changes it (a storage subscription, no polling). */
  async #followSettlementInterval(api: ApiPromise, generation: number): Promise<void> {
    try {
      const unsubscribe = await api.query.tickStream.settlementInterval((value: Codec) => {
        if (generation !== this.#generation) return;
        this.#network = { ...this.#network, settlementInterval: (value as BigCodec).toNumber() };
        this.#deps.onChange();
      });
      if (generation === this.#generation) this.#unsubscribeInterval = unsubscribe as unknown as () => void;
      else (unsubscribe as unknown as () => void)();
    } catch {
      // The connection dropped while subscribing; #lost subscribes again after reconnecting.
    }
  }

  #newNonceManager(api: ApiPromise, account: string): NonceManager {
    return new NonceManager(async () => (await api.rpc.system.accountNextIndex(account)).toNumber());
  }

  #requireApi(): ApiPromise {
    if (!this.#api) throw new Error(t('errorNotConnectedTo', this.#network.endpoint));
    return this.#api;
  }

  #requireFeeds(): StorageFeeds {
    if (!this.ready || !this.#feeds) throw new Error(t('errorNotConnectedTo', this.#network.endpoint));
    return this.#feeds;
  }

  #requireAccount(): string {
    if (!this.#account) throw new Error(t('errorNoAccount'));
    return this.#account;
  }

  // ---------- transactions ----------

  /**
   * Builds, checks (`checkCall`: by pallet and call name against the connected runtime's metadata),
   * signs and sends. A call that fails the check is never signed. `onInBlock` sees the result (its
   * events) once the extrinsic is in a block. A call of a session (`watchedOn`: the genesis hash its
   * seconds were watched on) is signed only while that very network is connected, checked right before signing.
   */
  #submit(
    intended: SignableCall,
    watchedOn: string | null,
    build: (api: ApiPromise) => SubmittableExtrinsic<'promise'>,
    onSigned?: (info: SignedInfo) => Promise<void>,
    onInBlock?: (result: ISubmittableResult) => void,
  ): Promise<TxOutcome> {
    const api = this.#api;
    const nonces = this.#nonces;
    const runtime = this.#runtime;
    const signer = this.#deps.signer();
    if (!api || !nonces || !signer || !runtime)
      return Promise.resolve({
        kind: 'rejected',
        error: signer ? 'Not connected to the chain.' : 'The account is locked.',
        retryable: true,
        insufficientFunds: false,
      });
    let tx: SubmittableExtrinsic<'promise'>;
    if (runtimeKeyOf(api) !== runtime.key) {
      // The runtime was upgraded under the api: its metadata hash is no longer the one signed with.
      this.#lost(t('errorRuntimeUpgraded'));
      return Promise.resolve({ kind: 'rejected', error: t('errorRuntimeUpgraded'), retryable: true, insufficientFunds: false });
    }
    try {
      tx = build(api);
      checkCall(api.registry, tx.method.callIndex, intended);
    } catch (error) {
      return Promise.resolve({ kind: 'rejected', error: error instanceof Error ? error.message : String(error), retryable: false, insufficientFunds: false });
    }

    return new Promise<TxOutcome>((resolve) => {
      let unsubscribe: (() => void) | null = null;
      let cancelDeadline: (() => void) | null = null;
      const finish = (outcome: TxOutcome) => {
        if (!this.#awaiting.delete(finish)) return;
        cancelDeadline?.();
        unsubscribe?.();
        resolve(outcome);
      };
      this.#awaiting.add(finish);
      nonces
        .withNextNonce(async (nonce) => {
          // Thrown, so that the nonce is not counted as used.
          const refusal = watchedOn === null ? null : otherNetworkRefusal(this.#api?.genesisHash.toHex() ?? null, watchedOn);
          if (refusal) throw new RefusedToSign(refusal);
          // mode 1: CheckMetadataHash on; the runtime refuses the signature unless the hash is its own.
          await tx.signAsync(signer, { nonce, mode: 1, metadataHash: runtime.metadataHash });
          await onSigned?.({ nonce, hash: tx.hash.toHex() });
          const stop = await tx.send((result) => {
            if (isInABlock(result)) onInBlock?.(result);
            this.#onStatus(api, nonces, result, finish);
          });
          // Its result may have come before `send` resolved.
          if (!this.#awaiting.has(finish)) stop();
          else {
            unsubscribe = stop;
            cancelDeadline = inclusionDeadline(finish);
          }
        })
        .catch((error: unknown) =>
          finish(error instanceof RefusedToSign ? error.outcome : classifyPoolRejection(error instanceof Error ? error.message : String(error))),
        );
    });
  }

  #onStatus(api: ApiPromise, nonces: NonceManager, result: ISubmittableResult, finish: (outcome: TxOutcome) => void): void {
    const { status } = result;
    // A gap before this nonce, or a pool that let the call go: the next transaction re-reads the chain's index.
    if (status.isFuture || status.isInvalid || status.isDropped || status.isUsurped) nonces.resync();
    const outcome = outcomeOfStatus(api.registry, result);
    if (outcome) finish(outcome);
  }
}

/**
 * What a status of a call the pool accepted means: its result once it is in a block; `unknown` once the
 * pool says it dropped it, it was usurped or became invalid — it may be in a block all the same (gossiped
 * to another node first, or in the block being built), so only chain state settles it, never a second
 * send; null while it waits.
 */
export function outcomeOfStatus(registry: Registry, result: ISubmittableResult): TxOutcome | null {
  const { status } = result;
  if (status.isInvalid || status.isDropped || status.isUsurped)
    return { kind: 'unknown', error: t('errorLeftPool', status.type) };
  if (!isInABlock(result)) return null;
  let fee = 0n;
  let paid = 0n;
  for (const { event } of result.events) {
    if (event.section === 'transactionPayment' && event.method === 'TransactionFeePaid') fee = (event.data[1] as BigCodec).toBigInt();
    if (event.section === 'tickStream' && event.method === 'TickRecorded') paid = (event.data[3] as BigCodec).toBigInt();
  }
  if (result.dispatchError) return { kind: 'failed', fee, error: dispatchErrorName(registry, result.dispatchError) };
  return { kind: 'included', fee, paid };
}

/** Ends a call the pool accepted as `unknown` unless its result comes within `INCLUSION_TIMEOUT_MS`; returns the cancel. */
export function inclusionDeadline(finish: (outcome: TxOutcome) => void): () => void {
  const timer = setTimeout(
    () => finish({ kind: 'unknown', error: t('errorNotIncluded', String(INCLUSION_TIMEOUT_MS / 1000)) }),
    INCLUSION_TIMEOUT_MS,
  );
  return () => clearTimeout(timer);
}

/**
 * Seconds are bound to the network (genesis hash) they were watched on: nothing of theirs is signed while
 * another network, or none, is connected. They are kept (retryable) for when theirs is connected again.
 */
export function otherNetworkRefusal(connected: string | null, watchedOn: string): Refusal | null {
  if (connected === watchedOn) return null;
  return { kind: 'rejected', error: t('errorSignedOnOtherNetwork', watchedOn, connected ?? '—'), retryable: true, insufficientFunds: false };
}

type Refusal = Extract<TxOutcome, { kind: 'rejected' }>;

/** A call `#submit` refuses to sign, with the outcome it gives. */
class RefusedToSign extends Error {
  readonly outcome: Refusal;

  constructor(outcome: Refusal) {
    super(outcome.error);
    this.outcome = outcome;
  }
}

/**
 * In a block: `inBlock`, or `finalized` when that is the first status heard. chopsticks sends both within
 * 100 ms and @polkadot/api's WsProvider keeps only the last notification that arrives before the
 * subscription is registered, so `inBlock` can be lost (.helpers/C-findings.md). `finish` runs once.
 */
function isInABlock(result: ISubmittableResult): boolean {
  return result.status.isInBlock || result.status.isFinalized;
}

/** The name `checkCall` knows a described call by (it refuses any it does not sign). */
function signableCallOf(call: PalletCall): SignableCall {
  return `${call.pallet}.${call.method}` as SignableCall;
}

/** `api.tx[pallet][method](...args)` of a described call. */
function palletTx(api: ApiPromise, call: PalletCall): SubmittableExtrinsic<'promise'> {
  const method = api.tx[call.pallet]?.[call.method];
  if (!method) throw new Error(`The chain has no call ${call.pallet}.${call.method}.`);
  return method(...call.args);
}

/** `<genesis hash>-<spec version>` of the runtime the api decodes with now. */
function runtimeKeyOf(api: ApiPromise): MetadataKey {
  return `${api.genesisHash.toHex()}-${api.runtimeVersion.specVersion.toNumber()}`;
}

type Rpc = Pick<WsProvider, 'send'>;

/**
 * The connected runtime's metadata V15 and its RFC-78 hash: from the cache when it holds this runtime (same
 * genesis hash, spec version and token), else from the node (`Metadata_metadata_at_version(15)`, the
 * runtime call `api.call.metadata.metadataAtVersion` makes) and merkleized here. Read before the api exists,
 * so that the api is handed these very bytes.
 */
async function runtimeMetadataOf(rpc: Rpc, cache: MetadataCache): Promise<{ runtime: RuntimeMetadata; cached: boolean }> {
  const [genesisHash, version, properties] = (await Promise.all([
    rpc.send('chain_getBlockHash', [0]),
    rpc.send('state_getRuntimeVersion', []),
    rpc.send('system_properties', []),
  ])) as [string, { specVersion: number }, { tokenSymbol?: string | string[]; tokenDecimals?: number | number[] }];
  const key: MetadataKey = `${genesisHash as `0x${string}`}-${version.specVersion}`;
  const tokenSymbol = [properties.tokenSymbol].flat()[0];
  const tokenDecimals = [properties.tokenDecimals].flat()[0];
  if (typeof tokenSymbol !== 'string' || typeof tokenDecimals !== 'number') throw new Error(t('errorNoTokenProperties'));
  const stored = await cache.load(key);
  if (stored && stored.tokenSymbol === tokenSymbol && stored.tokenDecimals === tokenDecimals) return { runtime: stored, cached: true };
  const answer = await rpc.send<string>('state_call', ['Metadata_metadata_at_version', METADATA_VERSION_ARG]);
  const metadata = opaqueMetadataOf(hexToU8a(answer));
  if (!metadata) throw new Error(t('errorNoMetadataV15'));
  const metadataHash = metadataHashOf(metadata, { symbol: tokenSymbol, decimals: tokenDecimals });
  return { runtime: { key, metadata: u8aToHex(metadata), tokenSymbol, tokenDecimals, metadataHash }, cached: false };
}

/** The runtime's settlement constants (docs/chain.md). */
function settlementTermsOf(api: ApiPromise): SettlementTerms {
  const tickStream = api.consts.tickStream as unknown as Record<string, BigCodec>;
  const constant = (name: string) => {
    const value = tickStream[name];
    if (!value) throw new Error(`The chain has no constant tickStream.${name}.`);
    return value;
  };
  return {
    sessionDeposit: constant('sessionDeposit').toBigInt(),
    heldSeconds: constant('heldSeconds').toNumber(),
    feeReserve: constant('feeReserve').toBigInt(),
    existentialDeposit: (api.consts.balances.existentialDeposit as unknown as BigCodec).toBigInt(),
    tickSlackSeconds: constant('tickSlackSeconds').toNumber(),
    maxSettlementInterval: constant('maxSettlementInterval').toNumber(),
    maxTicksPerCall: constant('maxTicksPerCall').toNumber(),
  };
}

function emptyNetwork(endpoint: string, status: NetworkState['status']): NetworkState {
  return {
    endpoint,
    status,
    error: null,
    retryAt: null,
    genesisHash: null,
    chainName: null,
    tokenSymbol: null,
    tokenDecimals: null,
    ss58Format: null,
    existentialDeposit: null,
    settlementInterval: null,
  };
}
