import { describe, expect, it } from 'vitest';
import { parseProcStat, processTree } from './chainProcess.js';

describe('parseProcStat', () => {
  it('reads ppid, CPU ticks and start time after a command name holding spaces and parentheses', () => {
    const line = '4242 (tsx (cli) x) S 4100 4242 4100 0 -1 4194560 100 0 0 0 1500 250 0 0 20 0 11 0 98765 1000000 2000 18446744073709551615';
    expect(parseProcStat(line)).toEqual({ pid: 4242, ppid: 4100, cpuTicks: 1750, startTicks: 98765 });
  });
});

describe('processTree (a fake process table)', () => {
  it('holds the root and all its descendants, not its parent or siblings', () => {
    const stat = (pid: number, ppid: number) => ({ pid, ppid, cpuTicks: pid, startTicks: 0 });
    const table = [stat(1, 0), stat(10, 1), stat(11, 10), stat(12, 11), stat(13, 10), stat(20, 1), stat(21, 20)];
    expect(processTree(10, table).map((entry) => entry.pid).sort((a, b) => a - b)).toEqual([10, 11, 12, 13]);
    expect(processTree(99, table)).toEqual([]);
  });
});
