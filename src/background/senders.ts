/** Who may send what: the browser fills in `sender`, so a page script cannot fake these fields. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

export interface ContentFrame {
  tabId: number;
  frameId: number;
  origin: string;
}

/**
 * A frame of this extension's content script in a web page tab, with the origin of its document
 * (`about:blank` / `srcdoc` frames report their creator's origin). Opaque and non-web origins give null.
 */
export function contentFrameOf(sender: SenderLike, extensionId: string, extensionOrigin: string): ContentFrame | null {
  if (sender.id !== extensionId || sender.tab?.id === undefined || sender.tab.id < 0 || typeof sender.frameId !== 'number') return null;
  if (sender.url?.startsWith(`${extensionOrigin}/`)) return null;
  let origin = sender.origin;
  if (origin === undefined && sender.url) {
    try {
      origin = new URL(sender.url).origin;
    } catch {
      return null;
    }
  }
  if (!origin || !/^https?:\/\//.test(origin)) return null;
  return { tabId: sender.tab.id, frameId: sender.frameId, origin };
}

/** One of this extension's own pages (popup, options). */
export function isExtensionPage(sender: SenderLike | undefined, extensionId: string, extensionOrigin: string): boolean {
  return sender?.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(`${extensionOrigin}/`);
}
