import type { TabView } from '../shared/messages';

/** Which tab the popup describes. */
export type PopupTarget = { tabId: number } | { site: string } | null;

/**
 * Opened from the toolbar, the popup describes the active tab of the current window. Opened as a page of
 * its own (a test, a tool) it would describe itself, so `?tabId=<id>` or `?site=<origin>` names the tab.
 */
export async function findPopupTarget(search: string): Promise<PopupTarget> {
  const params = new URLSearchParams(search);
  const tabId = params.get('tabId');
  if (tabId !== null) return /^\d+$/.test(tabId) ? { tabId: Number(tabId) } : null;
  const site = params.get('site');
  if (site !== null) return { site };
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { tabId: tab.id };
}

/** The worker's view of the target tab; for a site, its playing tab first. */
export function findTargetTab(tabs: TabView[], target: PopupTarget): TabView | null {
  if (!target) return null;
  if ('tabId' in target) return tabs.find((tab) => tab.tabId === target.tabId) ?? null;
  const onSite = tabs.filter((tab) => tab.site === target.site);
  return onSite.find((tab) => tab.playing) ?? onSite[0] ?? null;
}
