import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { bootstrap, dependencyState, LOCK_STAMP, type Machine } from './bootstrap.mjs';

const ROOT = '/clone';
const LOCK = '{"lockfileVersion":3}';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

interface FakeOptions {
  files?: Record<string, { text?: string; at: number }>;
  root?: boolean;
  commands?: string[];
  env?: Record<string, string>;
  /** Exit status of each command line (`npm ci …`); 0 when not listed. */
  failing?: string[];
}

/** A machine of files in memory, a clock that moves 1 s per call and a runner that only records. */
function fakeMachine({ files = {}, root = true, commands = ['apt-get', 'cargo'], env = {}, failing = [] }: FakeOptions) {
  const store = new Map(Object.entries(files).map(([path, file]) => [path, { ...file }]));
  const ran: string[] = [];
  const lines: string[] = [];
  let clock = 0;
  const machine: Machine = {
    root: ROOT,
    read: (path) => store.get(path)?.text ?? null,
    modifiedAt: (path) => store.get(path)?.at ?? null,
    write: (path, text) => store.set(path, { text, at: 1e9 }),
    run(command, args, extraEnv) {
      const line = [command, ...args].join(' ');
      ran.push(extraEnv?.DEBIAN_FRONTEND ? `${extraEnv.DEBIAN_FRONTEND}: ${line}` : line);
      if (line.startsWith('npm ci')) store.set(`${ROOT}/node_modules/.package-lock.json`, { text: '', at: 1e9 });
      return failing.some((prefix) => line.startsWith(prefix)) ? 1 : 0;
    },
    onPath: (name) => commands.includes(name),
    isRoot: root,
    env: { HOME: '/home/me', ...env },
    log: (line) => lines.push(line),
    now: () => (clock += 1000),
  };
  return { machine, ran, lines, store };
}

const BROWSERS_THERE = { '/usr/bin/chromium': { at: 1 }, '/usr/bin/firefox-esr': { at: 1 } };
const INSTALLED = {
  [`${ROOT}/package-lock.json`]: { text: LOCK, at: 100 },
  [`${ROOT}/node_modules/.package-lock.json`]: { text: '', at: 200 },
};

describe('bootstrap of npm start / npm test (fake fs, fake runner)', () => {
  test('a fresh clone: npm ci, then the stamp of the installed lock file', () => {
    const { machine, ran, lines, store } = fakeMachine({ files: { [`${ROOT}/package-lock.json`]: { text: LOCK, at: 100 }, ...BROWSERS_THERE } });
    expect(dependencyState(machine)).toBe('missing');
    expect(bootstrap('test', machine)).toBe(0);
    expect(ran).toEqual(['npm ci --no-audit --no-fund --loglevel=error']);
    expect(store.get(`${ROOT}/${LOCK_STAMP}`)?.text).toBe(`${sha(LOCK)}\n`);
    expect(lines[0]).toMatch(/^bootstrap: installing dependencies with npm ci \(node_modules is missing;/);
    expect(lines[1]).toBe('bootstrap: done in 1 s');
  });

  test('node_modules installed after the lock file last changed, or from this lock file: nothing runs', () => {
    expect(dependencyState(fakeMachine({ files: INSTALLED }).machine)).toBe('current');
    const pulled = { ...INSTALLED, [`${ROOT}/package-lock.json`]: { text: LOCK, at: 300 }, [`${ROOT}/${LOCK_STAMP}`]: { text: sha(LOCK), at: 200 } };
    const { machine, ran } = fakeMachine({ files: { ...pulled, ...BROWSERS_THERE } });
    expect(bootstrap('start', machine)).toBe(0);
    expect(ran).toEqual([]);
  });

  test('a lock file changed since the install (a pull): npm ci again', () => {
    const files = { ...INSTALLED, [`${ROOT}/package-lock.json`]: { text: '{"changed":true}', at: 300 }, [`${ROOT}/${LOCK_STAMP}`]: { text: sha(LOCK), at: 200 }, ...BROWSERS_THERE };
    const { machine, ran, lines } = fakeMachine({ files });
    expect(dependencyState(machine)).toBe('stale');
    expect(bootstrap('start', machine)).toBe(0);
    expect(ran).toEqual(['npm ci --no-audit --no-fund --loglevel=error']);
    expect(lines[0]).toContain('package-lock.json changed since the last install');
  });

  test('a failed npm ci stops the bootstrap and writes no stamp', () => {
    const { machine, lines, store } = fakeMachine({ files: { [`${ROOT}/package-lock.json`]: { text: LOCK, at: 100 } }, failing: ['npm ci'] });
    expect(bootstrap('start', machine)).toBe(1);
    expect(store.has(`${ROOT}/${LOCK_STAMP}`)).toBe(false);
    expect(lines.at(-1)).toBe('bootstrap: failed after 1 s (output above)');
  });

  test('as root without browsers: apt-get installs the ones the step needs', () => {
    const start = fakeMachine({ files: INSTALLED });
    expect(bootstrap('start', start.machine)).toBe(0);
    expect(start.ran).toEqual(['noninteractive: apt-get update -qq', 'noninteractive: apt-get install -y -qq chromium']);
    const test = fakeMachine({ files: INSTALLED });
    expect(bootstrap('test', test.machine)).toBe(0);
    expect(test.ran.at(-1)).toBe('noninteractive: apt-get install -y -qq chromium firefox-esr');
    expect(test.lines[0]).toBe("bootstrap: installing Debian's Chromium and Firefox ESR with apt-get (a minute or two)…");
  });

  test('not root: one sentence with the exact command, and nothing is run', () => {
    const { machine, ran, lines } = fakeMachine({ files: { ...INSTALLED, '/usr/bin/chromium': { at: 1 } }, root: false });
    expect(bootstrap('test', machine)).toBe(1);
    expect(ran).toEqual([]);
    expect(lines).toEqual(['bootstrap: Firefox ESR is missing: run `sudo apt-get install -y firefox-esr`, then npm test again.']);
  });

  test('a browser named by CHROMIUM_PATH that does not exist is reported, not installed', () => {
    const { machine, ran, lines } = fakeMachine({ files: INSTALLED, env: { CHROMIUM_PATH: '/opt/chrome' } });
    expect(bootstrap('start', machine)).toBe(1);
    expect(ran).toEqual([]);
    expect(lines).toEqual(['bootstrap: CHROMIUM_PATH names /opt/chrome, which does not exist: fix it or unset it, then run npm start again.']);
  });

  test('npm test without cargo says so in one sentence; npm start does not need it', () => {
    const files = { ...INSTALLED, ...BROWSERS_THERE };
    const test = fakeMachine({ files, commands: ['apt-get'] });
    expect(bootstrap('test', test.machine)).toBe(1);
    expect(test.lines).toEqual(["bootstrap: Rust is missing (the chain's tests need cargo): install it with rustup from https://rustup.rs, then run npm test again."]);
    const rustupOffPath = fakeMachine({ files: { ...files, '/home/me/.cargo/bin/cargo': { at: 1 } }, commands: [] });
    expect(bootstrap('test', rustupOffPath.machine)).toBe(1);
    expect(rustupOffPath.lines).toEqual(['bootstrap: Rust is installed but not on PATH: run `. "$HOME/.cargo/env"`, then npm test again.']);
    expect(bootstrap('start', fakeMachine({ files, commands: [] }).machine)).toBe(0);
  });
});
