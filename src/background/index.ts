/*
 * Service worker entry. Every listener is registered synchronously here, before anything is awaited,
 * so events that wake the worker are never missed; the services start lazily on the first event (and
 * right away, to resume metering and reconnect after the browser stopped the worker).
 */
import './globalShim';
import { CREATOR_PORT_NAME, UI_PORT_NAME, type WorkerToContentMessage } from '../shared/messages';
import { ext, storageAreaOf, type ChromiumSessionArea } from './extensionApi';
import { isExtensionPage } from './senders';
import { Worker } from './worker';
import { t } from '../shared/i18n';

const extensionId = ext.runtime.id;
const extensionOrigin = new URL(ext.runtime.getURL('/')).origin;

let started: Promise<Worker> | null = null;

function worker(): Promise<Worker> {
  started ??= Worker.start({
    extensionId,
    extensionOrigin,
    local: storageAreaOf(ext.storage.local),
    session: storageAreaOf(ext.storage.session),
    alarms: {
      create: (name, info) => ext.alarms.create(name, info),
      clear: (name) => ext.alarms.clear(name),
      get: async (name) => (await ext.alarms.get(name)) ?? undefined,
    },
    setBadge: (look) => {
      void ext.action.setIcon({ path: look.iconPaths }).catch(() => undefined);
      void ext.action.setBadgeText({ text: look.text });
      void ext.action.setBadgeBackgroundColor({ color: look.color });
    },
    askTopFrame: (tabId) => {
      const resend: WorkerToContentMessage = { type: 'frame:resend' };
      ext.tabs.sendMessage(tabId, resend, { frameId: 0 }).catch(() => undefined);
    },
    askTabsToResend: () => {
      const resend: WorkerToContentMessage = { type: 'frame:resend' };
      void ext.tabs.query({}).then((tabs) => {
        for (const tab of tabs) if (tab.id !== undefined) ext.tabs.sendMessage(tab.id, resend).catch(() => undefined);
      });
    },
  });
  started.catch((error: unknown) => {
    console.error('Vilokanam worker failed to start', error instanceof Error ? error.message : error);
    started = null;
  });
  return started;
}

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  worker()
    .then((w) => w.handleMessage(message, sender))
    .then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: t('errorStartFailed', String(error)) }));
  return true;
});

ext.runtime.onConnect.addListener((port) => {
  const known = port.name === UI_PORT_NAME || port.name === CREATOR_PORT_NAME;
  if (!known || !isExtensionPage(port.sender, extensionId, extensionOrigin)) {
    port.disconnect();
    return;
  }
  void worker().then((w) => (port.name === CREATOR_PORT_NAME ? w.addCreatorPort(port) : w.addPort(port)));
});

ext.alarms.onAlarm.addListener((alarm) => {
  void worker().then((w) => w.onAlarm(alarm.name));
});

ext.tabs.onRemoved.addListener((tabId) => {
  void worker().then((w) => w.onTabRemoved(tabId));
});

ext.runtime.onStartup.addListener(() => void worker());
ext.runtime.onInstalled.addListener(() => void worker());

// Only the worker and extension pages may read storage.session (the unlocked key lives there). Chromium
// asks for this; Firefox never lets content scripts reach storage.session and has no such call.
void (ext.storage.session as ChromiumSessionArea).setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });

void worker();
