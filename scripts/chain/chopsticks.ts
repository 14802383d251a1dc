// The simulator engine: chopsticks serving a genesis built from the runtime wasm, in this process. It
// needs nothing installed and mocks the relay chain's validation data for the parachain runtime.
import { setupWithServer } from '@acala-network/chopsticks';
import { BuildBlockMode } from '@acala-network/chopsticks-core';
import { buildGenesis } from './genesis.js';
import { ChainStartError, type EngineOptions, type RunningChain } from './engine.js';

type Chopsticks = Awaited<ReturnType<typeof setupWithServer>>['chain'];

/** chopsticks announces a block before it has written it to the db: wait for the write (≤ 5 s). */
async function blocksSaved(chain: Chopsticks): Promise<void> {
  if (!chain.db) return;
  for (let waited = 0; waited < 5000; waited += 50) {
    const saved = await chain.db.queryHighestBlock();
    if (saved && saved.number >= chain.head.number) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What a chain started from a genesis spec reports as its genesis hash, and what the runtime signs with. */
const GENESIS_PLACEHOLDER_HASH: `0x${string}` = `0x${'45'.repeat(32)}`;

/**
 * chopsticks 1.5 saves block 2 onwards with a parent hash its genesis provider does not know, so after
 * a resume `chain_getBlockHash(0)` answers a hash no transaction was signed for (1010 badProof).
 * Block 0 is always the genesis: answer with the hash the runtime expects.
 */
function keepGenesisHashAfterResume(chain: Chopsticks): void {
  const getBlockAt = chain.getBlockAt.bind(chain);
  chain.getBlockAt = (number) => (number === 0 ? chain.getBlock(GENESIS_PLACEHOLDER_HASH) : getBlockAt(number));
}

/**
 * chopsticks takes block 1's timestamp and its mocked relay-chain slot from two readings of the wall clock
 * (the genesis has no `Timestamp.Now`): across a 6 s boundary they disagree, the runtime refuses the block's
 * inherents (aura-ext: "Parachain slot must match relay-derived slot") and the transactions taken for it
 * are lost. Block 1 is built before any client connects, again until it is; from then on both come from
 * the parent's timestamp.
 */
async function buildFirstBlock(chain: Chopsticks): Promise<void> {
  for (let attempt = 0; attempt < 3 && chain.head.number === 0; attempt++) await chain.newBlock();
  if (chain.head.number === 0) throw new ChainStartError('chopsticks could not build the first block (see its log)');
}

export async function startChopsticks(options: EngineOptions): Promise<RunningChain> {
  const genesis = await buildGenesis(options.wasmPath, options.preset);
  const requestedPort = options.port;
  const context = await setupWithServer({
    genesis,
    port: requestedPort,
    host: '127.0.0.1',
    'build-block-mode': options.blockTimeMs ? BuildBlockMode.Manual : BuildBlockMode.Batch,
    db: options.db,
    'save-blocks': options.db !== undefined,
    resume: options.resume && options.db ? true : undefined,
  });
  if (options.resume) keepGenesisHashAfterResume(context.chain);
  else await buildFirstBlock(context.chain);
  const port = Number(context.addr.split(':').pop());
  // chopsticks quietly moves to the next free port; clients configured for this one would miss it.
  if (requestedPort !== 0 && port !== requestedPort) {
    await context.close();
    throw new ChainStartError(`port ${requestedPort} is already in use: stop what uses it or pass another --port`);
  }
  const newBlock = async () => {
    await context.chain.newBlock();
  };
  let timer: NodeJS.Timeout | undefined;
  if (options.blockTimeMs) {
    let building = Promise.resolve();
    timer = setInterval(() => {
      building = building.then(newBlock).catch((error: unknown) => console.error('block production failed:', error));
    }, options.blockTimeMs);
  }
  return {
    engine: 'chopsticks',
    endpoint: `ws://127.0.0.1:${port}`,
    port,
    died: new Promise<string>(() => undefined),
    async close() {
      clearInterval(timer);
      await context.chain.upcomingBlocks();
      await blocksSaved(context.chain);
      await context.close();
    },
  };
}
