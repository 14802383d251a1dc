import { describe, expect, it } from 'vitest';
import type { Figure } from './figure.js';
import type { Machine } from './machine.js';
import { renderReport } from './report.js';
import type { ResultsFile } from './results.js';

const machine: Machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 8, os: 'Linux', node: 'v20', chromium: 'Chromium 1', loadAverage: 0.5 };

const fakeFigure = (id: string, number: number): Figure => ({
  id,
  number,
  title: `Figure ${id}`,
  method: [`How ${id} is measured.`],
  metrics: () => [
    { key: 'error', label: '|billed − played|', unit: 's', decimals: 0, target: { text: '≤ 1 s', met: (value) => value <= 1 } },
    { key: 'latency', label: 'latency', unit: 'ms', decimals: 1 },
  ],
  run: () => Promise.reject(new Error('not run in this test')),
});

const results: ResultsFile = {
  updatedAt: '2026-01-01T00:00:00.000Z',
  figures: {
    one: {
      id: 'one',
      number: 1,
      title: 'Figure one',
      measuredAt: '2026-01-01T00:00:00.000Z',
      machine,
      options: { runs: 3, short: false, viewerCounts: [] },
      runs: [
        { run: 1, durationSeconds: 1, metrics: { error: 2, latency: 10 } },
        { run: 2, durationSeconds: 1, metrics: { error: 3, latency: 12.25 } },
        { run: 3, durationSeconds: 1, error: 'Error: the chain went away\n    at somewhere' },
      ],
      summaries: {
        error: { n: 2, median: 2.5, min: 2, max: 3, q1: 2.25, q3: 2.75 },
        latency: { n: 2, median: 11.125, min: 10, max: 12.25, q1: 10.5625, q3: 11.6875 },
      },
      discussion: ['One sentence drawn from the numbers.'],
    },
  },
};

describe('renderReport (fake figures)', () => {
  const report = renderReport([fakeFigure('one', 1), fakeFigure('two', 2)], results);

  it('prints each metric with its median, spread, target and verdict, escaping pipes in cells', () => {
    expect(report).toContain('| \\|billed − played\\| | 3 s | 2 – 3 | ≤ 1 s | **missed** |');
    expect(report).toContain('| latency | 11.1 ms | 10.0 – 12.3 |  |  |');
    expect(report).toContain('| 1. Figure one: \\|billed − played\\| | 3 s | 2 – 3 | ≤ 1 s | **missed** |');
  });

  it('names the machine, the failed runs and the figures not measured yet', () => {
    expect(report).toContain('| CPU | Test CPU |');
    expect(report).toContain('- Run 3 failed: Error: the chain went away');
    expect(report).toContain('- One sentence drawn from the numbers.');
    expect(report).toContain('Not measured yet: `npm run bench -- --only two`.');
  });
});
