import { describe, expect, it } from 'vitest';
import { timeInScripts, type CpuProfile } from './profile.js';

const EXTENSION = 'chrome-extension://abc/';

// (root) → page handler (page.js) → querySelectorAll (native, no URL)
//        → content script callback (extension) → TreeWalker.nextNode (native, no URL)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { url: '' }, children: [2, 4] },
    { id: 2, callFrame: { url: 'http://127.0.0.1/page.js' }, children: [3] },
    { id: 3, callFrame: { url: '' } },
    { id: 4, callFrame: { url: `${EXTENSION}src/content/index.js` }, children: [5] },
    { id: 5, callFrame: { url: '' } },
  ],
  samples: [2, 4, 5, 3, 5],
  timeDeltas: [0, 100, 200, 300, 400],
};

describe('timeInScripts', () => {
  it("counts samples with one of the scripts on the stack, natives they called included, each lasting until the next sample", () => {
    // samples[1] (id 4) lasts 200 µs, samples[2] (id 5, called by it) 300 µs; samples[4] is the last: no length.
    expect(timeInScripts(profile, EXTENSION)).toBeCloseTo(0.5);
  });

  it('counts nothing for scripts that never ran', () => {
    expect(timeInScripts(profile, 'chrome-extension://other/')).toBe(0);
  });
});
