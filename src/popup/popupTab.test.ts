import { expect, test } from 'vitest';
import type { TabView } from '../shared/messages';
import { findPopupTarget, findTargetTab } from './popupTab';

const tab = (tabId: number, site: string, playing: boolean): TabView => ({ tabId, site, streamId: '1', playing, billing: playing, reason: null });
const TABS = [tab(1, 'https://a.example', false), tab(2, 'https://b.example', false), tab(3, 'https://b.example', true)];

test('?tabId and ?site name the tab without asking the browser', async () => {
  expect(await findPopupTarget('?tabId=42')).toEqual({ tabId: 42 });
  expect(await findPopupTarget('?tabId=x')).toBeNull();
  expect(await findPopupTarget('?site=https%3A%2F%2Fb.example')).toEqual({ site: 'https://b.example' });
});

test('a tab is found by id, or by site preferring the one that plays', () => {
  expect(findTargetTab(TABS, { tabId: 1 })?.tabId).toBe(1);
  expect(findTargetTab(TABS, { tabId: 9 })).toBeNull();
  expect(findTargetTab(TABS, { site: 'https://b.example' })?.tabId).toBe(3);
  expect(findTargetTab(TABS, { site: 'https://c.example' })).toBeNull();
  expect(findTargetTab(TABS, null)).toBeNull();
});
