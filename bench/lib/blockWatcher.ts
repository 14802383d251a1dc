// Follows the chain's new heads from the benchmark's own connection and notes when each block arrived,
// which extrinsics it holds (by hash) and what events it emitted (with the index of the extrinsic that
// emitted each). "In a block" in every figure means: the bench saw the block's header.
import type { ApiPromise } from '@polkadot/api';
import type { Header } from '@polkadot/types/interfaces';

export interface BlockEvent {
  /** Index of the extrinsic that emitted it, null for initialization / finalization. */
  extrinsic: number | null;
  section: string;
  method: string;
  /** Field name (camelCase) or index → value as text (amounts stay exact). */
  fields: Record<string, string>;
  /** The event data as JSON (e.g. a dispatch info with its weight). */
  json: unknown;
}

export interface WatchedBlock {
  number: number;
  hash: string;
  /** Date.now() when the bench received the header (blocks skipped by the subscription get the next one's). */
  arrivedAt: number;
  /** Extrinsic hashes in block order. */
  extrinsics: string[];
  /** Signer and nonce of each extrinsic (null for inherents), in block order. */
  signed: ({ signer: string; nonce: number } | null)[];
  events: BlockEvent[];
}

export class BlockWatcher {
  readonly #api: ApiPromise;
  readonly #blocks: WatchedBlock[] = [];
  readonly #byExtrinsic = new Map<string, WatchedBlock>();
  #lastNumber: number;
  /** Headers received and not read yet, with when each arrived. */
  readonly #heads: { number: number; hash: string; arrivedAt: number }[] = [];
  #holds = 0;
  #fetching: Promise<void> = Promise.resolve();
  #unsubscribe: (() => void) | null = null;
  #failure: Error | null = null;

  private constructor(api: ApiPromise, lastNumber: number) {
    this.#api = api;
    this.#lastNumber = lastNumber;
  }

  /** Starts following from the next block on. */
  static async start(api: ApiPromise): Promise<BlockWatcher> {
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    const watcher = new BlockWatcher(api, best);
    watcher.#unsubscribe = await api.rpc.chain.subscribeNewHeads((header) => watcher.#onHead(header, Date.now()));
    return watcher;
  }

  get blocks(): readonly WatchedBlock[] {
    return this.#blocks;
  }

  /** The block holding the extrinsic with this hash (0x…), if one arrived. */
  blockOf(extrinsicHash: string): WatchedBlock | undefined {
    return this.#byExtrinsic.get(extrinsicHash);
  }

  /** Resolves once every header received so far has been read (unless held); throws if reading one failed. */
  async settled(): Promise<void> {
    await this.#fetching;
    if (this.#failure) throw this.#failure;
  }

  /**
   * Stops reading blocks — headers are still timed as they arrive — until the returned function is
   * called: a load generator measuring a node on the same machine does not decode its blocks meanwhile.
   */
  hold(): () => void {
    this.#holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holds -= 1;
      this.#readHeads();
    };
  }

  /** Waits until a block matching `found` arrives (checked as blocks are read), or throws after `timeoutMs`. */
  async waitFor(found: (block: WatchedBlock) => boolean, timeoutMs: number): Promise<WatchedBlock> {
    const deadline = Date.now() + timeoutMs;
    let checked = 0;
    while (Date.now() < deadline) {
      await this.#fetching;
      for (; checked < this.#blocks.length; checked++) if (found(this.#blocks[checked])) return this.#blocks[checked];
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error(`no matching block within ${timeoutMs} ms`);
  }

  /**
   * Reads up to the node's best block even if no header announced it (a node drops the subscription of
   * a client that falls behind): such blocks get the time of this call as their arrival.
   */
  async catchUp(): Promise<void> {
    const header = await this.#api.rpc.chain.getHeader();
    if (header.number.toNumber() > this.#lastNumber) this.#onHead(header, Date.now());
    await this.settled();
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  #onHead(header: Header, arrivedAt: number): void {
    this.#heads.push({ number: header.number.toNumber(), hash: header.hash.toHex(), arrivedAt });
    this.#readHeads();
  }

  #readHeads(): void {
    if (this.#holds > 0) return;
    const heads = this.#heads.splice(0);
    if (heads.length === 0) return;
    this.#fetching = this.#fetching.then(async () => {
      for (const head of heads) {
        // Blocks the subscription skipped get the arrival time of the next header.
        for (let next = this.#lastNumber + 1; next <= head.number; next++) {
          const hash = next === head.number ? head.hash : (await this.#api.rpc.chain.getBlockHash(next)).toHex();
          await this.#read(next, hash, head.arrivedAt);
        }
        this.#lastNumber = Math.max(this.#lastNumber, head.number);
      }
    }).catch((error: unknown) => {
      this.#failure ??= error instanceof Error ? error : new Error(String(error));
    });
  }

  async #read(number: number, hash: string, arrivedAt: number): Promise<void> {
    const [signedBlock, records] = await Promise.all([
      this.#api.rpc.chain.getBlock(hash),
      this.#api.query.system.events.at(hash),
    ]);
    const extrinsics = signedBlock.block.extrinsics.map((extrinsic) => extrinsic.hash.toHex());
    const signed = signedBlock.block.extrinsics.map((extrinsic) =>
      extrinsic.isSigned ? { signer: extrinsic.signer.toString(), nonce: extrinsic.nonce.toNumber() } : null,
    );
    const events = records.map(({ phase, event }): BlockEvent => {
      const names = event.data.names ?? [];
      return {
        extrinsic: phase.isApplyExtrinsic ? phase.asApplyExtrinsic.toNumber() : null,
        section: event.section,
        method: event.method,
        fields: Object.fromEntries(event.data.map((value, index) => [names[index] ?? String(index), value.toString()])),
        json: event.data.toJSON(),
      };
    });
    const block: WatchedBlock = { number, hash, arrivedAt, extrinsics, signed, events };
    this.#blocks.push(block);
    for (const extrinsic of extrinsics) this.#byExtrinsic.set(extrinsic, block);
  }
}
