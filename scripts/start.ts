// `npm start [-- --seconds N]`: builds the extension (when dist/ is older than its sources), starts the
// local chain and the demo sites, opens Chromium with the extension and a freshly funded viewer account, and plays the demo
// creator's page (stream 1). With a display the browser shows; without one it runs headless. Either way
// it prints a live line of the seconds and spend the chain recorded and saves a popup screenshot to
// artifacts/popup.png. Ctrl-C (or --seconds) stops everything.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { distIsCurrent, ensureBuilt } from '../test/e2e/build.js';
import { DEMO_STREAM } from '../test/e2e/chainState.js';
import { launchMeter, startEnvironment, type Environment, type Meter } from '../test/e2e/fixture.js';
import { formatAmount, type Token } from '../src/ui/format.js';
import { portIsFree } from './chain/portIsFree.js';

const ROOT = resolve(import.meta.dirname, '..');
const SCREENSHOT = resolve(ROOT, 'artifacts/popup.png');
const SCREENSHOT_AFTER_MS = 20_000;
const DEFAULT_CHAIN_PORT = 9944;

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
  },
});
const runFor = values.seconds === undefined ? null : Number(values.seconds);
if (runFor !== null && !(Number.isInteger(runFor) && runFor > 0)) {
  console.error(`--seconds must be a whole number above 0, not "${values.seconds}"`);
  process.exit(2);
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

let env: Environment | undefined;
let meter: Meter | undefined;
let stopping = false;

async function stop(code: number): Promise<never> {
  if (stopping) process.exit(code);
  stopping = true;
  process.stdout.write('\nstopping…\n');
  await meter?.close().catch((error: unknown) => console.error('closing Chromium:', error));
  await env?.close().catch((error: unknown) => console.error('stopping the chain and sites:', error));
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  if (distIsCurrent()) console.log('dist/ is up to date with the sources');
  else {
    console.log('building the extension (npm run build)…');
    ensureBuilt();
  }
  const headless = !process.env.DISPLAY;
  console.log('starting the local chain and the demo sites…');
  const chainPort = (await portIsFree(DEFAULT_CHAIN_PORT)) ? DEFAULT_CHAIN_PORT : undefined;
  env = await startEnvironment({ chainPort });
  console.log(`  chain  ${env.endpoint}`);
  console.log(`  sites  ${env.sites.creatorOrigin}/ (creator)  ${env.sites.embedOrigin}/ (embedding site)`);
  console.log(`opening Chromium${headless ? ' headless (no DISPLAY)' : ''} with the extension and a new viewer funded by Alice…`);
  meter = await launchMeter(env, { headless, allowSites: [env.sites.creatorOrigin, env.sites.embedOrigin] });
  console.log(`  viewer ${meter.viewer.address}  (password "${meter.password}")`);
  console.log(`  the demo creators are always allowed on ${env.sites.creatorOrigin}, so it bills without asking`);

  const page = await meter.openPlayer(`${env.sites.creatorOrigin}/creator.html`);
  // Its video starts by itself; it is paid only once a person has interacted with the page: a click.
  await page.locator('h1').click();
  const popup = await meter.popupFor(page);
  const api = env.state.api;
  const token: Token = { decimals: api.registry.chainDecimals[0] ?? 12, symbol: api.registry.chainTokens[0] ?? 'UNIT' };
  const startBalance = await env.state.free(meter.viewer.address);
  console.log(`playing stream ${DEMO_STREAM} on ${page.url()} — Ctrl-C stops${runFor ? ` (or after ${runFor} s)` : ''}\n`);

  const startedAt = Date.now();
  let screenshotSaved = false;
  let lastPrinted = 0;
  while (!stopping) {
    const session = await env.state.session(DEMO_STREAM, meter.viewer.address);
    const balance = await env.state.free(meter.viewer.address);
    const paid = session?.paid ?? 0n;
    const line =
      `watched ${clock(session?.ticks ?? 0)}  paid ${formatAmount(paid, token)}  ` +
      `fees ${formatAmount(startBalance - balance - paid, token)}  balance ${formatAmount(balance, token)}`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}   `);
    else if (Date.now() - lastPrinted >= 5000) {
      console.log(line);
      lastPrinted = Date.now();
    }
    if (!screenshotSaved && Date.now() - startedAt >= SCREENSHOT_AFTER_MS) {
      await mkdir(resolve(ROOT, 'artifacts'), { recursive: true });
      await popup.page.screenshot({ path: SCREENSHOT, fullPage: true });
      screenshotSaved = true;
      process.stdout.write(`${process.stdout.isTTY ? '\n' : ''}popup screenshot saved to ${SCREENSHOT}\n`);
    }
    if (runFor !== null && Date.now() - startedAt >= runFor * 1000) await stop(0);
    await new Promise((done) => setTimeout(done, 1000));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
