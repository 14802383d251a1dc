/** Opens one of the extension's pages in a tab and closes the popup (which would describe itself otherwise). */
export function openExtensionPage(path: string): void {
  void chrome.tabs.create({ url: chrome.runtime.getURL(path) });
  window.close();
}
