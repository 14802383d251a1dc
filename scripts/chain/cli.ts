// `npm run chain [-- --engine chopsticks|node] [--port 9944] [--block-time 6000] [--preset development|local_testnet]
//  [--db path --resume] [--chain-spec file]`: serves the local chain until Ctrl-C.
import { parseArgs } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { ChainStartError, ENGINES, PRESETS, type Engine, type Preset } from './engine.js';
import { CHAIN_PROPERTIES } from './genesis.js';
import { startChain } from './start.js';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        engine: { type: 'string', default: 'chopsticks' },
        port: { type: 'string', default: '9944' },
        'block-time': { type: 'string' },
        preset: { type: 'string', default: 'development' },
        db: { type: 'string' },
        resume: { type: 'boolean', default: false },
        'chain-spec': { type: 'string' },
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a whole number, not "${value}"`);
  return n;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) fail(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

const engine = oneOf<Engine>('engine', values.engine, ENGINES);
if (values['chain-spec'] && engine !== 'node') fail('--chain-spec runs a spec on the real node: add --engine node');
const blockTimeMs = wholeNumber('block-time', values['block-time']);

const chain = await startChain({
  engine,
  port: wholeNumber('port', values.port),
  blockTimeMs,
  preset: oneOf<Preset>('preset', values.preset, PRESETS),
  db: values.db,
  resume: values.resume,
  chainSpec: values['chain-spec'],
}).catch((error: unknown) => {
  const sentence = error instanceof ChainStartError ? error.message : `The chain did not start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(sentence);
  process.exit(1);
});

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: CHAIN_PROPERTIES.ss58Format });
console.log(`Vilokanam chain serving on ${chain.endpoint} (${engine === 'node' ? 'polkadot-omni-node, dev mode' : 'chopsticks'})`);
console.log(blockTimeMs ? `a block every ${blockTimeMs} ms` : 'a block as soon as transactions arrive');
console.log(`dev accounts, 1,000,000 ${CHAIN_PROPERTIES.tokenSymbol} each (stream 1 belongs to Bob):`);
for (const name of ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']) {
  console.log(`  ${name.padEnd(8)} //${name}  ${keyring.addFromUri(`//${name}`).address}`);
}

void chain.died.then((why) => {
  console.error(why);
  process.exit(1);
});

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
