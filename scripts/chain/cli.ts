// `npm run chain [-- --port 9944] [--block-time 6000] [--db file --resume]`: serves the local chain
// until Ctrl-C.
import { parseArgs } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startChain } from './start.js';
import { CHAIN_PROPERTIES } from './genesis.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9944' },
    'block-time': { type: 'string' },
    db: { type: 'string' },
    resume: { type: 'boolean', default: false },
  },
});

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, not "${value}"`);
    process.exit(2);
  }
  return n;
}

const chain = await startChain({
  port: positiveInt('port', values.port),
  blockTimeMs: positiveInt('block-time', values['block-time']),
  db: values.db,
  resume: values.resume,
}).catch((error: unknown) => {
  console.error(`The chain did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: CHAIN_PROPERTIES.ss58Format });
console.log(`Vilokanam chain serving on ${chain.endpoint}`);
console.log(values['block-time'] ? `a block every ${values['block-time']} ms` : 'a block as soon as transactions arrive');
console.log(`dev accounts, 1,000,000 ${CHAIN_PROPERTIES.tokenSymbol} each (stream 1 belongs to Bob):`);
for (const name of ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']) {
  console.log(`  ${name.padEnd(8)} //${name}  ${keyring.addFromUri(`//${name}`).address}`);
}

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('stopping the chain');
  await chain.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
