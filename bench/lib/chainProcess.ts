// The local chain (`scripts/chain/cli.ts`, what `npm run chain` runs) in a process of its own, so a load
// generator in the bench process does not share an event loop with the node it measures. With
// `engine: 'node'` that process is a wrapper around polkadot-omni-node, its child: the CPU counted is
// the whole process tree's.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../scripts/chain/engine.js';

const ROOT = join(import.meta.dirname, '..', '..');
const START_TIMEOUT_MS = 120_000;
/** Longer than the wrapper gives its node (15 s) before it kills it. */
const STOP_TIMEOUT_MS = 30_000;

export interface ChainProcess {
  engine: Engine;
  endpoint: string;
  pid: number;
  /** CPU seconds (user + system) the chain's processes — the wrapper and the node it started — have used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
  /** When it started, in clock ticks after boot: with the pid, names one process for good. */
  startTicks: number;
}

/** The fields of a /proc/<pid>/stat line the bench needs. */
export function parseProcStat(line: string): ProcStat {
  // The command name (field 2) may hold spaces and parentheses: the fields after it start at the last ") ".
  const pid = Number(line.slice(0, line.indexOf(' ')));
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  // fields[0] is the state (field 3): ppid is field 4, utime and stime fields 14 and 15, starttime 22.
  return { pid, ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), startTicks: Number(fields[19]) };
}

/** `root` and every process descended from it, among `stats`. */
export function processTree(root: number, stats: readonly ProcStat[]): ProcStat[] {
  const tree = stats.filter((stat) => stat.pid === root);
  for (let i = 0; i < tree.length; i++) tree.push(...stats.filter((stat) => stat.ppid === tree[i].pid));
  return tree;
}

function readProcStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      stats.push(parseProcStat(readFileSync(`/proc/${entry}/stat`, 'utf8')));
    } catch {
      // the process ended while the list was read
    }
  }
  return stats;
}

export interface ChainProcessOptions {
  engine?: Engine;
  /** Milliseconds between blocks; without it the engine's quick mode (a block as transactions arrive). */
  blockTimeMs?: number;
}

export async function startChainProcess(options: ChainProcessOptions = {}): Promise<ChainProcess> {
  const engine = options.engine ?? 'chopsticks';
  const args = ['--import', 'tsx', 'scripts/chain/cli.ts', '--engine', engine, '--port', '0'];
  if (options.blockTimeMs) args.push('--block-time', String(options.blockTimeMs));
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', LOG_COMPACT: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the chain did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
      const found = /serving on (ws:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the chain exited with code ${code}:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    throw error;
  });
  const pid = child.pid!;
  return {
    engine,
    endpoint,
    pid,
    cpuSeconds: () => processTree(pid, readProcStats()).reduce((total, stat) => total + stat.cpuTicks, 0) / clockTicks,
    async stop() {
      if (child.exitCode !== null) return;
      const descendants = processTree(pid, readProcStats()).filter((stat) => stat.pid !== pid);
      // The wrapper stops its node on SIGTERM (scripts/chain/cli.ts).
      child.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((done) => setTimeout(() => done(false), STOP_TIMEOUT_MS))]);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited;
      }
      // A node the wrapper could not stop is ended by its own id (checked against its start time), never by name.
      const alive = readProcStats();
      for (const orphan of descendants) {
        if (!alive.some((stat) => stat.pid === orphan.pid && stat.startTicks === orphan.startTicks)) continue;
        try {
          process.kill(orphan.pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
    },
  };
}
