// @ts-check
// `node scripts/bootstrap.mjs start|test`: the first step of `npm start` and `npm test`, so both work right
// after `git clone` with nothing else typed. Plain Node with no dependency: it runs before anything from
// node_modules exists. It installs the dependencies when node_modules is missing or older than
// package-lock.json, and Debian's browsers the step needs (through apt when running as root; otherwise it
// says the one command to type). For `test` it also checks that Rust's cargo is there for the chain's tests.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} Machine What the bootstrap reads and changes; unit tests pass a fake one.
 * @property {string} root the clone
 * @property {(path: string) => string | null} read a file's text, null when absent
 * @property {(path: string) => number | null} modifiedAt a path's mtime in ms, null when absent
 * @property {(path: string, text: string) => void} write
 * @property {(command: string, args: string[], env?: Record<string, string>) => number} run runs a command in the clone with the terminal attached; its exit status
 * @property {(name: string) => boolean} onPath an executable of that name is on PATH
 * @property {boolean} isRoot
 * @property {Record<string, string | undefined>} env
 * @property {(line: string) => void} log
 * @property {() => number} now ms
 */

/** @typedef {'start' | 'test'} Purpose */

/** Written after a successful `npm ci`: the sha256 of the package-lock.json it installed. */
export const LOCK_STAMP = 'node_modules/.vilokanam-lock-sha256';
/** npm's own record of what is installed, rewritten by every `npm ci` / `npm install`. */
const NPM_HIDDEN_LOCK = 'node_modules/.package-lock.json';

/** Debian's browsers: the binary the tests run (another one through the variable) and its package. */
export const BROWSERS = {
  chromium: { label: 'Chromium', variable: 'CHROMIUM_PATH', path: '/usr/bin/chromium', aptPackage: 'chromium' },
  firefox: { label: 'Firefox ESR', variable: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', aptPackage: 'firefox-esr' },
};

/** `npm start` drives Chromium; `npm test` also runs the Firefox build in Firefox ESR. */
const BROWSERS_FOR = /** @type {const} */ ({ start: ['chromium'], test: ['chromium', 'firefox'] });

/** @param {string} text */
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/**
 * Whether node_modules matches package-lock.json: installed from this very lock file (the stamp), or
 * installed by hand (`npm ci` / `npm install`) after the lock file last changed.
 * @param {Machine} machine
 * @returns {'missing' | 'stale' | 'current'}
 */
export function dependencyState(machine) {
  const lock = machine.read(join(machine.root, 'package-lock.json'));
  const installedAt = machine.modifiedAt(join(machine.root, NPM_HIDDEN_LOCK));
  if (lock === null || installedAt === null) return 'missing';
  if (machine.read(join(machine.root, LOCK_STAMP))?.trim() === sha256(lock)) return 'current';
  const lockChangedAt = machine.modifiedAt(join(machine.root, 'package-lock.json')) ?? Infinity;
  return installedAt >= lockChangedAt ? 'current' : 'stale';
}

/**
 * @param {Machine} machine
 * @param {string} what
 * @param {() => boolean} step
 */
function timed(machine, what, step) {
  const started = machine.now();
  machine.log(`bootstrap: ${what}…`);
  const ok = step();
  const seconds = Math.round((machine.now() - started) / 1000);
  machine.log(ok ? `bootstrap: done in ${seconds} s` : `bootstrap: failed after ${seconds} s (output above)`);
  return ok;
}

/** @param {Machine} machine */
export function ensureDependencies(machine) {
  const state = dependencyState(machine);
  if (state === 'current') return true;
  const why = state === 'missing' ? 'node_modules is missing' : 'package-lock.json changed since the last install';
  const installed = timed(machine, `installing dependencies with npm ci (${why}; a first install takes about 2 minutes)`, () =>
    machine.run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']) === 0,
  );
  if (!installed) return false;
  const lock = machine.read(join(machine.root, 'package-lock.json'));
  if (lock !== null) machine.write(join(machine.root, LOCK_STAMP), `${sha256(lock)}\n`);
  return true;
}

/**
 * @param {Machine} machine
 * @param {Purpose} purpose
 */
export function ensureBrowsers(machine, purpose) {
  const wanted = BROWSERS_FOR[purpose].map((name) => BROWSERS[name]);
  const missing = wanted.filter((browser) => machine.modifiedAt(machine.env[browser.variable] ?? browser.path) === null);
  if (missing.length === 0) return true;
  const custom = missing.find((browser) => machine.env[browser.variable] !== undefined);
  if (custom) {
    machine.log(`bootstrap: ${custom.variable} names ${machine.env[custom.variable]}, which does not exist: fix it or unset it, then run npm ${purpose} again.`);
    return false;
  }
  const packages = missing.map((browser) => browser.aptPackage);
  const labels = missing.map((browser) => browser.label).join(' and ');
  if (!machine.isRoot || !machine.onPath('apt-get')) {
    const sudo = machine.isRoot ? '' : 'sudo ';
    machine.log(`bootstrap: ${labels} ${missing.length > 1 ? 'are' : 'is'} missing: run \`${sudo}apt-get install -y ${packages.join(' ')}\`, then npm ${purpose} again.`);
    return false;
  }
  const apt = { DEBIAN_FRONTEND: 'noninteractive' };
  return timed(machine, `installing Debian's ${labels} with apt-get (a minute or two)`, () =>
    machine.run('apt-get', ['update', '-qq'], apt) === 0 && machine.run('apt-get', ['install', '-y', '-qq', ...packages], apt) === 0,
  );
}

/**
 * The chain's Rust tests (chain/test.sh) need cargo; the runtime's wasm is committed, so no wasm
 * toolchain is needed unless it is rebuilt (`npm run chain:build`).
 * @param {Machine} machine
 */
export function checkCargo(machine) {
  if (machine.onPath('cargo')) return true;
  const rustupCargo = join(machine.env.HOME ?? homedir(), '.cargo', 'bin', 'cargo');
  machine.log(
    machine.modifiedAt(rustupCargo) !== null
      ? 'bootstrap: Rust is installed but not on PATH: run `. "$HOME/.cargo/env"`, then npm test again.'
      : 'bootstrap: Rust is missing (the chain\'s tests need cargo): install it with rustup from https://rustup.rs, then run npm test again.',
  );
  return false;
}

/**
 * Every step `purpose` needs, in order; stops at the first that fails.
 * @param {Purpose} purpose
 * @param {Machine} machine
 * @returns {number} the exit code
 */
export function bootstrap(purpose, machine) {
  const steps = [() => ensureDependencies(machine), () => ensureBrowsers(machine, purpose)];
  if (purpose === 'test') steps.push(() => checkCargo(machine));
  return steps.every((step) => step()) ? 0 : 1;
}

/** @param {string} name */
function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** @returns {Machine} */
function realMachine() {
  return {
    root: resolve(fileURLToPath(import.meta.url), '..', '..'),
    read: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
    modifiedAt: (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? null,
    write: (path, text) => writeFileSync(path, text),
    run(command, args, env = {}) {
      const result = spawnSync(command, args, { cwd: this.root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
      return result.status ?? 1;
    },
    onPath,
    isRoot: process.getuid?.() === 0,
    env: process.env,
    log: (line) => console.log(line),
    now: () => Date.now(),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const purpose = process.argv[2];
  if (purpose !== 'start' && purpose !== 'test') {
    console.error('usage: node scripts/bootstrap.mjs start|test');
    process.exit(2);
  }
  process.exit(bootstrap(purpose, realMachine()));
}
