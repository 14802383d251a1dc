import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import {
  parseContentMessage,
  parseUiRequest,
  type ChainCallResult,
  type UiReply,
  type UiRequest,
  type UiResults,
  type UiState,
} from '../shared/messages';
import { AUTO_LOCK_ALARM, AutoLock } from './autoLock';
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
import { normaliseSite, SitePermissions } from './sitePermissions';
import { SettingsStore } from './settingsStore';
import { localDay, spendView } from './spendLedger';
import type { StorageArea } from './storageArea';
import { Ticker } from './ticker';
import { UiHub } from './uiHub';
import { ViewerSubscriptions } from './viewerSubscriptions';
import { t } from '../shared/i18n';

export const KEEP_ALIVE_ALARM = 'keep-alive';
/** Before the key locks, what was counted is signed; a chain that does not take it this fast gets it after the next unlock. */
const SETTLE_BEFORE_LOCK_MS = 5000;

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
  /** Asks the top frame of one tab to send its `frame:media` again. */
  askTopFrame(tabId: number): void;
}

/** Wires the services together and answers the listeners in `index.ts`. */
export class Worker {
  readonly #platform: WorkerPlatform;
  readonly #keystore: Keystore;
  readonly #settings: SettingsStore;
  readonly #permissions: SitePermissions;
  readonly #frames = new FrameRegistry();
  readonly #chain: ChainClient;
  readonly #hub: UiHub;
  readonly #ticker: Ticker;
  readonly #creator: CreatorService;
  readonly #creatorWatch: CreatorWatch;
  readonly #subscriptions: ViewerSubscriptions;
  #engine!: MeteringEngine;
  #engineAccount: string | null = null;
  #autoLock!: AutoLock;
  #lastFree: bigint | null = null;
  #lastBadge = '';
  #keepAlive: boolean | null = null;

  private constructor(platform: WorkerPlatform, keystore: Keystore, settings: SettingsStore, permissions: SitePermissions) {
    this.#platform = platform;
    this.#keystore = keystore;
    this.#settings = settings;
    this.#permissions = permissions;
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
        // Only seconds that were billed keep the account unlocked: media playing elsewhere does not.
        if ((await this.#engine.tick()) > 0) this.#autoLock.touch();
      },
      () => this.#engine.needsTicks(),
    );
  }

  static async start(platform: WorkerPlatform): Promise<Worker> {
    const [keystore, settings, permissions] = await Promise.all([
      Keystore.open({ local: platform.local, session: platform.session }),
      SettingsStore.load(platform.local),
      SitePermissions.load(platform.local),
    ]);
    let worker: Worker | null = null;
    // Past the auto-lock deadline the key is locked before anything else runs.
    const autoLock = await AutoLock.restore({
      session: platform.session,
      alarms: platform.alarms,
      now: () => Date.now(),
      minutes: () => settings.settings.autoLockMinutes,
      unlocked: () => keystore.status === 'unlocked',
      lock: () => (worker ? worker.#lock() : keystore.lock()),
    });
    worker = new Worker(platform, keystore, settings, permissions);
    worker.#autoLock = autoLock;
    await worker.#loadEngine();
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
    const content = parseContentMessage(message);
    if (content) {
      const frame = contentFrameOf(sender, extensionId, extensionOrigin);
      if (!frame) return { ok: false, error: 'Frame reports are accepted only from the extension’s content script.' };
      if (content.type === 'frame:gone') this.#frames.gone(frame.tabId, frame.frameId);
      else {
        const result = this.#frames.report(frame, content, Date.now());
        if (result !== 'accepted')
          return { ok: false, error: result === 'rate-limited' ? 'Too many reports from this frame: it is not billed until it sends fewer.' : 'Too many frames in this tab.' };
        this.#engine.framesChanged();
        this.#ticker.ensureRunning();
      }
      this.#changed();
      return { ok: true, data: null };
    }
    if (!isExtensionPage(sender, extensionId, extensionOrigin)) return { ok: false, error: 'Not accepted from this sender.' };
    const request = parseUiRequest(message);
    if (!request) return { ok: false, error: t('errorBadRequest') };
    try {
      const data = await this.#handleRequest(request);
      this.#autoLock.requestHandled(request.type);
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    } finally {
      this.#changed();
    }
  }

  /** A page connects (or reconnects after the worker restarted): not the person's doing, so the auto-lock stays. */
  addPort(port: Parameters<UiHub['add']>[0]): void {
    this.#hub.add(port);
  }

  addCreatorPort(port: Parameters<CreatorWatch['addPort']>[0]): void {
    this.#creatorWatch.addPort(port);
  }

  async onAlarm(name: string): Promise<void> {
    if (name === AUTO_LOCK_ALARM && (await this.#autoLock.onAlarm())) this.#changed();
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
        await this.#lock();
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
        // Through the journal's own queue: a save already under way, or one a late result would make, cannot bring it back.
        if (address) await this.#engine.discardJournal(() => this.#platform.local.remove([meterStorageKey(address)]));
        await this.#accountChanged();
        return null;
      }
      case 'settings:set': {
        const before = this.#settings.settings;
        const settings = await this.#settings.update(request.settings);
        if (settings.endpoint !== before.endpoint) this.#chain.connect(settings.endpoint);
        if (settings.autoLockMinutes !== before.autoLockMinutes) this.#autoLock.touch(true);
        this.#ticker.ensureRunning();
        return settings;
      }
      case 'consent:decide':
        await this.#engine.decideConsent(request.id, request.decision);
        this.#ticker.ensureRunning();
        return null;
      case 'consent:forget':
        await this.#engine.forgetDecline(normaliseSite(request.site), request.streamId);
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
      case 'site:block':
        await this.#permissions.setBlocked(request.site, true);
        return null;
      case 'site:unblock':
        await this.#permissions.setBlocked(request.site, false);
        return null;
      case 'allow:add':
        await this.#allowCreator(request.site, request.creator, request.maxRatePerMinute);
        return null;
      case 'allow:remove':
        await this.#permissions.removeAllowed(request.genesisHash, normaliseSite(request.site), request.creatorPublicKey);
        return null;
      case 'subscription:buy': {
        const result = await this.#buySubscription(request.streamId, request.maxPrice);
        // Bought from a consent prompt: it answers that request (only it) with allow-once. A request
        // replaced meanwhile stays open and asks again: the subscription stands either way.
        if (result.status === 'included' && request.consentId !== null) await this.#engine.decideConsent(request.consentId, 'allow-once').catch(() => undefined);
        return result;
      }
      case 'creator:estimate-fee':
        return this.#creator.estimateFee(request.call);
      case 'creator:submit':
        return this.#creator.submit(request.call);
    }
  }

  async #buySubscription(streamId: string, maxPrice: string): Promise<ChainCallResult> {
    if (this.#keystore.status !== 'unlocked') throw new Error(t('errorUnlockToSubscribe'));
    if (!this.#chain.ready) throw new Error(t('errorNotConnected'));
    return callResult(await this.#chain.submitCall(subscribeCall(streamId, maxPrice)), { amount: SUBSCRIBED_PRICE });
  }

  /** Settles every counted second while the key can still sign (bounded in time), then locks it. */
  async #lock(): Promise<void> {
    if (this.#keystore.status === 'unlocked') {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, SETTLE_BEFORE_LOCK_MS)));
      await Promise.race([this.#engine.settleNow().catch(() => undefined), late]);
      clearTimeout(timer);
    }
    await this.#keystore.lock();
  }

  /** "Always allow" typed in the options: the creator's address is checked here, the network is the connected one. */
  async #allowCreator(site: string, creator: string, maxRatePerMinute: string): Promise<void> {
    const genesisHash = this.#chain.network.genesisHash;
    if (genesisHash === null) throw new Error(t('errorAllowNeedsChain'));
    const creatorPublicKey = publicKeyOf(creator);
    if (creatorPublicKey === null) throw new Error(t('errorNotAnAddress', creator));
    await this.#permissions.allow({ site: normaliseSite(site), creator, creatorPublicKey, maxRatePerMinute, genesisHash });
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
        autoLockAt: keystore.status === 'unlocked' ? this.#autoLock.deadline : null,
      },
      network: this.#chain.network,
      balance: this.#chain.balance,
      paused: engine.paused,
      sessions: engine.sessionViews(),
      consents: engine.consentViews(),
      tabs: engine.tabViews(),
      spend: spendView(engine.ledger),
      settings: this.#settings.settings,
      blockedSites: this.#permissions.blockedSites(),
      alwaysAllowed: this.#permissions.alwaysAllowed(),
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
    if (free !== null && this.#lastFree !== null && free > this.#lastFree) void this.#engine.liftStops('insufficient-funds', 'hold-unaffordable');
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
          isBlocked: (site) => this.#permissions.isBlocked(site),
          alwaysAllowedRate: (genesis, site, creatorPublicKey) => this.#permissions.alwaysAllowedRate(genesis, site, creatorPublicKey),
          isSubscribed: (streamId) => this.#subscriptions.isSubscribed(streamId),
          isStreamStopped: (streamId) => this.#subscriptions.isStreamStopped(streamId),
        }),
        save: async (meterDoc) => {
          if (account) await this.#platform.local.set({ [meterStorageKey(account)]: meterDoc });
        },
        allowAlways: async (site, stream, ratePerMinute) => {
          const genesisHash = this.#chain.network.genesisHash;
          if (genesisHash === null) throw new Error(t('errorAllowOnceInstead'));
          await this.#permissions.allow({ site, creator: stream.creator, creatorPublicKey: stream.creatorPublicKey, maxRatePerMinute: ratePerMinute, genesisHash });
        },
        askTopFrame: (tabId) => this.#platform.askTopFrame(tabId),
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
    this.#autoLock.touch();
    this.#ticker.ensureRunning();
  }
}

/** The streams whose subscription offers the popup may show: sessions, the consent request, tabs. */
function streamsMet(state: UiState): string[] {
  return [
    ...state.sessions.map((session) => session.stream.streamId),
    ...state.consents.map((consent) => consent.stream.streamId),
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
