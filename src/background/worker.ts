import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import {
  parseFrameMessage,
  parseUiRequest,
  type ChainCallResult,
  type UiReply,
  type UiRequest,
  type UiResults,
  type UiState,
} from '../shared/messages';
import { badgeLookOf, badgeStateOf } from './badge';
import { ChainClient } from './chainClient';
import { MetadataCache } from './metadataCache';
import { CreatorService } from './creatorService';
import { CreatorWatch } from './creatorWatch';
import { FrameRegistry } from './frameRegistry';
import { Keystore } from './keystore';
import { MeteringEngine } from './meteringEngine';
import { emptyMeterDoc, loadMeterDoc, meterStorageKey, type MeterDoc } from './meterState';
import { callResult, subscribeCall, SUBSCRIBED_PRICE } from './palletCalls';
import { contentFrameOf, isExtensionPage, type SenderLike } from './senders';
import { SettingsStore, normaliseSite } from './settingsStore';
import { localDay, spendView } from './spendLedger';
import type { StorageArea } from './storageArea';
import { Ticker } from './ticker';
import { UiHub } from './uiHub';
import { ViewerSubscriptions } from './viewerSubscriptions';

export const AUTO_LOCK_ALARM = 'auto-lock';
export const KEEP_ALIVE_ALARM = 'keep-alive';
/** Move the auto-lock alarm only when the deadline moved this much (not on every metered second). */
const AUTO_LOCK_SLACK_MS = 30_000;

/** The browser services the worker drives; `index.ts` passes the real ones. */
export interface WorkerPlatform {
  extensionId: string;
  extensionOrigin: string;
  local: StorageArea;
  session: StorageArea;
  alarms: {
    create(name: string, info: { when: number } | { periodInMinutes: number }): Promise<void> | void;
    clear(name: string): Promise<boolean> | void;
    get(name: string): Promise<{ scheduledTime: number } | undefined>;
  };
  setBadge(look: ReturnType<typeof badgeLookOf>): void;
  /** Asks every frame of every tab to send its `frame:media` again. */
  askTabsToResend(): void;
}

/** Wires the services together and answers the listeners in `index.ts`. */
export class Worker {
  readonly #platform: WorkerPlatform;
  readonly #keystore: Keystore;
  readonly #settings: SettingsStore;
  readonly #frames = new FrameRegistry();
  readonly #chain: ChainClient;
  readonly #hub: UiHub;
  readonly #ticker: Ticker;
  readonly #creator: CreatorService;
  readonly #creatorWatch: CreatorWatch;
  readonly #subscriptions: ViewerSubscriptions;
  #engine!: MeteringEngine;
  #engineAccount: string | null = null;
  #autoLockAt: number | null = null;
  #lastFree: bigint | null = null;
  #lastBadge = '';
  #keepAlive: boolean | null = null;

  private constructor(platform: WorkerPlatform, keystore: Keystore, settings: SettingsStore) {
    this.#platform = platform;
    this.#keystore = keystore;
    this.#settings = settings;
    this.#hub = new UiHub(() => this.snapshot());
    this.#chain = new ChainClient(
      {
        signer: () => this.#keystore.signer,
        onChange: () => this.#onChainChange(),
        onReady: () => {
          const decimals = this.#chain.network.tokenDecimals;
          if (decimals !== null) void this.#settings.applyFirstRunBudget(decimals).then(() => this.#changed());
          this.#engine.pump();
          this.#ticker.ensureRunning();
          this.#creatorWatch.restart();
          this.#subscriptions.restart();
        },
        metadata: new MetadataCache(platform.local),
      },
      settings.settings.endpoint,
    );
    this.#creator = new CreatorService({ chain: this.#chain, signerKey: () => this.#signerKey() });
    this.#creatorWatch = new CreatorWatch({
      chain: () => this.#chain.feeds,
      account: () => this.#keystore.address,
      storage: platform.local,
      now: () => Date.now(),
    });
    this.#subscriptions = new ViewerSubscriptions({
      chain: () => this.#chain.feeds,
      account: () => this.#keystore.address,
      now: () => Date.now(),
      onChange: () => this.#changed(),
    });
    this.#ticker = new Ticker(
      async () => {
        await this.#engine.tick();
        if (this.#frames.anyPlaying(Date.now())) this.#touchAutoLock();
      },
      () => this.#engine.needsTicks(),
    );
  }

  static async start(platform: WorkerPlatform): Promise<Worker> {
    const [keystore, settings] = await Promise.all([
      Keystore.open({ local: platform.local, session: platform.session }),
      SettingsStore.load(platform.local),
    ]);
    const worker = new Worker(platform, keystore, settings);
    await worker.#loadEngine();
    const autoLock = await platform.alarms.get(AUTO_LOCK_ALARM);
    worker.#autoLockAt = autoLock?.scheduledTime ?? null;
    if (worker.#autoLockAt === null) worker.#touchAutoLock();
    worker.#chain.setAccount(keystore.address);
    worker.#chain.connect(settings.settings.endpoint);
    platform.askTabsToResend();
    worker.#changed();
    return worker;
  }

  // ---------- inputs ----------

  /** A runtime message from a content script or an extension page. */
  async handleMessage(message: unknown, sender: SenderLike): Promise<UiReply<unknown>> {
    const { extensionId, extensionOrigin } = this.#platform;
    const frameMessage = parseFrameMessage(message);
    if (frameMessage) {
      const frame = contentFrameOf(sender, extensionId, extensionOrigin);
      if (!frame) return { ok: false, error: 'Frame reports are accepted only from the extension’s content script.' };
      this.#frames.report(frame, frameMessage, Date.now());
      this.#engine.framesChanged();
      this.#ticker.ensureRunning();
      this.#changed();
      return { ok: true, data: null };
    }
    if (!isExtensionPage(sender, extensionId, extensionOrigin)) return { ok: false, error: 'Not accepted from this sender.' };
    const request = parseUiRequest(message);
    if (!request) return { ok: false, error: 'The extension did not understand that request.' };
    try {
      const data = await this.#handleRequest(request);
      this.#touchAutoLock();
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    } finally {
      this.#changed();
    }
  }

  addPort(port: Parameters<UiHub['add']>[0]): void {
    this.#hub.add(port);
    this.#touchAutoLock();
  }

  addCreatorPort(port: Parameters<CreatorWatch['addPort']>[0]): void {
    this.#creatorWatch.addPort(port);
    this.#touchAutoLock();
  }

  async onAlarm(name: string): Promise<void> {
    if (name === AUTO_LOCK_ALARM) {
      if (this.#autoLockAt !== null && Date.now() < this.#autoLockAt - 1000) return;
      this.#autoLockAt = null;
      await this.#keystore.lock();
      this.#changed();
    }
    if (name === KEEP_ALIVE_ALARM) this.#ticker.ensureRunning();
  }

  onTabRemoved(tabId: number): void {
    this.#frames.removeTab(tabId);
    this.#changed();
  }

  // ---------- requests ----------

  async #handleRequest(request: UiRequest): Promise<UiResults[UiRequest['type']]> {
    const keystore = this.#keystore;
    switch (request.type) {
      case 'state:get':
        return this.snapshot();
      case 'keys:unlock':
        await keystore.unlock(request.password);
        this.#engine.pump();
        this.#ticker.ensureRunning();
        return null;
      case 'keys:lock':
        await keystore.lock();
        return null;
      case 'account:create':
        return keystore.create(request.name, request.password);
      case 'account:confirm-create': {
        const address = await keystore.confirmCreate(request.words);
        await this.#accountChanged();
        return { address };
      }
      case 'account:cancel-create':
        keystore.cancelCreate();
        return null;
      case 'account:import-mnemonic': {
        const address = await keystore.importMnemonic(request.name, request.mnemonic, request.password);
        await this.#accountChanged();
        return { address };
      }
      case 'account:import-json': {
        const address = await keystore.importJson(request.json, request.jsonPassword, request.password);
        await this.#accountChanged();
        return { address };
      }
      case 'account:export-json':
        return keystore.exportJson(request.password);
      case 'account:remove': {
        const address = keystore.address;
        await keystore.remove(request.password);
        if (address) await this.#platform.local.remove([meterStorageKey(address)]);
        await this.#accountChanged();
        return null;
      }
      case 'settings:set': {
        const before = this.#settings.settings;
        const settings = await this.#settings.update(request.settings);
        if (settings.endpoint !== before.endpoint) this.#chain.connect(settings.endpoint);
        this.#autoLockAt = null;
        this.#ticker.ensureRunning();
        return settings;
      }
      case 'consent:decide':
        await this.#engine.decideConsent(request.id, request.decision);
        this.#ticker.ensureRunning();
        return null;
      case 'metering:pause':
        await this.#engine.setPaused(true);
        return null;
      case 'metering:resume':
        await this.#engine.setPaused(false);
        this.#ticker.ensureRunning();
        return null;
      case 'metering:retry':
        await this.#engine.retry(request.streamId);
        this.#ticker.ensureRunning();
        return null;
      case 'site:allow':
        await this.#settings.setRule(normaliseSite(request.site), 'allow');
        return null;
      case 'site:block':
        await this.#settings.setRule(normaliseSite(request.site), 'block');
        return null;
      case 'site:remove-rule':
        await this.#settings.setRule(normaliseSite(request.site), null);
        return null;
      case 'subscription:buy': {
        const result = await this.#buySubscription(request.streamId, request.maxPrice);
        if (result.status === 'included' && request.consentId !== null) await this.#allowSubscribedStream(request.consentId, request.streamId);
        return result;
      }
      case 'creator:estimate-fee':
        return this.#creator.estimateFee(request.call);
      case 'creator:submit':
        return this.#creator.submit(request.call);
    }
  }

  async #buySubscription(streamId: string, maxPrice: string): Promise<ChainCallResult> {
    if (this.#keystore.status !== 'unlocked') throw new Error('Unlock your account to subscribe.');
    if (!this.#chain.ready) throw new Error('Not connected to the chain: check the node endpoint in the settings.');
    return callResult(await this.#chain.submitCall(subscribeCall(streamId, maxPrice)), { amount: SUBSCRIBED_PRICE });
  }

  /**
   * A subscription bought from the consent prompt answers it with allow-once. The prompt may have been
   * replaced meanwhile (a frame of the tab reloaded): then the open request for the same stream is answered.
   */
  async #allowSubscribedStream(consentId: string, streamId: string): Promise<void> {
    const open = this.#engine.consentView();
    const replacement = open && open.id !== consentId && open.stream.streamId === streamId ? open.id : null;
    try {
      await this.#engine.decideConsent(consentId, 'allow-once');
    } catch {
      if (replacement) await this.#engine.decideConsent(replacement, 'allow-once');
    }
  }

  /** Hex public key of the unlocked account (the creator page's calls check stream ownership with it). */
  #signerKey(): string | null {
    const address = this.#keystore.address;
    return this.#keystore.status === 'unlocked' && address ? publicKeyOf(address) : null;
  }

  // ---------- state ----------

  snapshot(): UiState {
    const engine = this.#engine;
    const keystore = this.#keystore;
    const base: Omit<UiState, 'badge'> = {
      account: {
        status: keystore.status,
        address: keystore.address,
        name: keystore.name,
        pendingCreate: keystore.pendingCreate,
        autoLockAt: keystore.status === 'unlocked' ? this.#autoLockAt : null,
      },
      network: this.#chain.network,
      balance: this.#chain.balance,
      paused: engine.paused,
      sessions: engine.sessionViews(),
      consent: engine.consentView(),
      tabs: engine.tabViews(),
      spend: spendView(engine.ledger),
      settings: this.#settings.settings,
      siteRules: this.#settings.rules(),
      lastError: engine.lastError,
      subscriptions: this.#subscriptions.views(),
    };
    return { ...base, badge: badgeStateOf(base) };
  }

  #changed(): void {
    this.#hub.changed();
    const state = this.snapshot();
    this.#subscriptions.follow(streamsMet(state));
    const look = badgeLookOf(state.badge);
    const key = JSON.stringify(look);
    if (key !== this.#lastBadge) {
      this.#lastBadge = key;
      this.#platform.setBadge(look);
    }
    // WebSocket traffic keeps the worker alive while metering (Chrome 116+); the alarm is the backstop.
    const keepAlive = this.#engine.needsTicks();
    if (keepAlive !== this.#keepAlive) {
      this.#keepAlive = keepAlive;
      if (keepAlive) void this.#platform.alarms.create(KEEP_ALIVE_ALARM, { periodInMinutes: 0.5 });
      else void this.#platform.alarms.clear(KEEP_ALIVE_ALARM);
    }
  }

  #onChainChange(): void {
    const free = this.#chain.balance ? BigInt(this.#chain.balance.free) : null;
    if (free !== null && this.#lastFree !== null && free > this.#lastFree) void this.#engine.liftStops('insufficient-funds');
    this.#lastFree = free;
    this.#changed();
  }

  async #loadEngine(): Promise<void> {
    const account = this.#keystore.address;
    const day = localDay(Date.now());
    let doc: MeterDoc = emptyMeterDoc(day);
    if (account) {
      const key = meterStorageKey(account);
      doc = loadMeterDoc((await this.#platform.local.get([key]))[key], day);
    }
    this.#engineAccount = account;
    this.#engine = new MeteringEngine(
      {
        now: () => Date.now(),
        chain: this.#chain,
        frames: this.#frames,
        context: () => ({
          hasAccount: this.#keystore.status !== 'no-account',
          canSign: this.#keystore.status === 'unlocked',
          chainReady: this.#chain.ready,
          genesisHash: this.#chain.network.genesisHash,
          budgets: this.#settings.budgets,
          siteRule: (site) => this.#settings.rule(site),
          isSubscribed: (streamId) => this.#subscriptions.isSubscribed(streamId),
        }),
        save: async (meterDoc) => {
          if (account) await this.#platform.local.set({ [meterStorageKey(account)]: meterDoc });
        },
        allowSite: (site) => void this.#settings.setRule(site, 'allow').then(() => this.#changed()),
        publicKeyOf,
        newId: () => crypto.randomUUID(),
        onChange: () => this.#changed(),
      },
      doc,
    );
  }

  async #accountChanged(): Promise<void> {
    const account = this.#keystore.address;
    if (account !== this.#engineAccount) {
      await this.#engine.flush();
      await this.#loadEngine();
    }
    this.#chain.setAccount(account);
    this.#creatorWatch.restart();
    this.#subscriptions.restart();
    this.#touchAutoLock();
    this.#ticker.ensureRunning();
  }

  /** Pushes the auto-lock deadline back after activity (UI use, metering). */
  #touchAutoLock(): void {
    const minutes = this.#settings.settings.autoLockMinutes;
    if (this.#keystore.status !== 'unlocked' || minutes === 0) {
      if (this.#autoLockAt !== null) void this.#platform.alarms.clear(AUTO_LOCK_ALARM);
      this.#autoLockAt = null;
      return;
    }
    const deadline = Date.now() + minutes * 60_000;
    if (this.#autoLockAt !== null && deadline - this.#autoLockAt < AUTO_LOCK_SLACK_MS) return;
    this.#autoLockAt = deadline;
    void this.#platform.alarms.create(AUTO_LOCK_ALARM, { when: deadline });
  }
}

/** The streams whose subscription offers the popup may show: sessions, the consent request, tabs. */
function streamsMet(state: UiState): string[] {
  return [
    ...state.sessions.map((session) => session.stream.streamId),
    ...(state.consent ? [state.consent.stream.streamId] : []),
    ...state.tabs.flatMap((tab) => (tab.streamId === null ? [] : [tab.streamId])),
  ];
}

function publicKeyOf(address: string): string | null {
  try {
    return u8aToHex(decodeAddress(address));
  } catch {
    return null;
  }
}
