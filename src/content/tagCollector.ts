import type { RawTag } from '../shared/messages';

const TAG_FIELDS: Record<string, keyof RawTag> = {
  'vilokanam:stream': 'stream',
  'vilokanam:network': 'network',
  'vilokanam:creator': 'creator',
};

const ELEMENT_NODE = 1;
const SHOW_ELEMENT = 0x1;

/**
 * The creator's `vilokanam:*` meta tags of one document, kept up to date from added nodes. Values are
 * passed on as raw strings, every one of them: the worker parses strictly and decides what they mean.
 */
export class TagCollector {
  private readonly metas = new Set<Element>();

  constructor(private readonly document: Document) {}

  /** Picks up the meta elements in `root` and its descendants; true when one was new. */
  addFrom(root: Node): boolean {
    if (root.nodeType !== ELEMENT_NODE && root !== this.document) return false;
    const before = this.metas.size;
    if (isMeta(root)) this.metas.add(root as Element);
    const walker = this.document.createTreeWalker(root, SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (isMeta(node)) this.metas.add(node as Element);
    }
    return this.metas.size !== before;
  }

  /** The tag as the document shows it now (names and contents are read afresh); null without any tag meta. */
  current(): RawTag | null {
    const tag: RawTag = { stream: [], network: [], creator: [] };
    let found = false;
    for (const meta of this.metasInDocumentOrder()) {
      const field = TAG_FIELDS[(meta.getAttribute('name') ?? '').trim().toLowerCase()];
      if (!field) continue;
      tag[field].push(meta.getAttribute('content') ?? '');
      found = true;
    }
    return found ? tag : null;
  }

  private metasInDocumentOrder(): Element[] {
    for (const meta of this.metas) {
      if (meta.getRootNode() !== this.document) this.metas.delete(meta);
    }
    const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
    return [...this.metas].sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
  }
}

function isMeta(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && (node as Element).localName === 'meta';
}
