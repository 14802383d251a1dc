// The machine a benchmark ran on, as printed at the top of docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { CHROMIUM_PATH } from '../../test/e2e/browser.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  /** 1-minute load average when the figure started: a busy machine makes the numbers worse. */
  loadAverage: number;
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(release)?.[1];
    if (pretty) return `${pretty} (${os.type()} ${os.release()})`;
  } catch {
    // not Linux, or no os-release: the kernel's name is all there is
  }
  return `${os.type()} ${os.release()}`;
}

function chromiumVersion(): string {
  try {
    // Debian's wrapper script may print shell noise on stderr; the version is on stdout.
    const output = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 });
    return output.trim().split('\n').pop() ?? 'unknown';
  } catch {
    return `not found at ${CHROMIUM_PATH}`;
  }
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    chromium: chromiumVersion(),
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
