const ELEMENT_NODE = 1;
const SHOW_ELEMENT = 0x1;
const OBSERVE_OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['name', 'content'],
};

export interface DomWatcherEnvironment {
  document: Document;
  createMutationObserver(callback: MutationCallback): MutationObserver;
}

export interface DomWatcherHandlers {
  /** A subtree to search: the document at start, then every added node and every newly found open shadow root. */
  onSubtree(root: Node): void;
  /** Nodes left the tree or a meta's name/content changed. */
  onChange(): void;
}

/**
 * Follows a document and its open shadow roots with one MutationObserver. Only added subtrees are searched
 * (once, at start, the whole document), so a busy single-page app costs little.
 */
export class DomWatcher {
  private readonly observer: MutationObserver;
  private readonly shadowRoots = new WeakSet<ShadowRoot>();

  constructor(
    private readonly environment: DomWatcherEnvironment,
    private readonly handlers: DomWatcherHandlers,
  ) {
    this.observer = environment.createMutationObserver((records) => this.handleRecords(records));
  }

  start(): void {
    const document = this.environment.document;
    this.observer.observe(document, OBSERVE_OPTIONS);
    this.handlers.onSubtree(document);
    this.findShadowRoots(document);
  }

  stop(): void {
    this.observer.disconnect();
  }

  private handleRecords(records: MutationRecord[]): void {
    let changed = false;
    for (const record of records) {
      if (record.type === 'attributes') {
        changed ||= (record.target as Element).localName === 'meta';
        continue;
      }
      if (record.removedNodes.length > 0) changed = true;
      for (const node of record.addedNodes) {
        if (node.nodeType !== ELEMENT_NODE) continue;
        this.handlers.onSubtree(node);
        this.findShadowRoots(node);
      }
    }
    if (changed) this.handlers.onChange();
  }

  private findShadowRoots(root: Node): void {
    this.watchShadowRootOf(root);
    const walker = this.environment.document.createTreeWalker(root, SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) this.watchShadowRootOf(node);
  }

  private watchShadowRootOf(node: Node): void {
    const shadowRoot = node.nodeType === ELEMENT_NODE ? (node as Element).shadowRoot : null;
    if (!shadowRoot || this.shadowRoots.has(shadowRoot)) return;
    this.shadowRoots.add(shadowRoot);
    this.observer.observe(shadowRoot, OBSERVE_OPTIONS);
    this.handlers.onSubtree(shadowRoot);
    this.findShadowRoots(shadowRoot);
  }
}
