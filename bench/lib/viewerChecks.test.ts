import { describe, expect, it } from 'vitest';
import { checksOverAll } from './viewerChecks.js';

describe('checksOverAll', () => {
  it("sums every engine's and N's wrong books, counts intervals off the formula, and adds up omni-node's lost settlements", () => {
    const metrics = {
      'node.n10.wrongBooks': 0,
      'node.n1000.wrongBooks': 2,
      'chopsticks.n10.wrongBooks': 1,
      'node.n10.intervalError': 0,
      'node.n1000.intervalError': -1,
      'node.n10.pending': 0,
      'node.n1000.pending': 487,
      'chopsticks.n1000.pending': 5,
      'node.ceilingPending': 13_020,
      'node.n1000.sustained': 985,
    };
    expect(checksOverAll(metrics)).toEqual({ wrongBooks: 3, intervalErrors: 1, nodeLost: 13_507 });
  });

  it('is all zero when nothing was measured (a run without omni-node)', () => {
    expect(checksOverAll({ 'chopsticks.n10.wrongBooks': null })).toEqual({ wrongBooks: 0, intervalErrors: 0, nodeLost: 0 });
  });
});
