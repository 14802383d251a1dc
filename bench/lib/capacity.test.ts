import { describe, expect, it } from 'vitest';
import { blockCapacity } from './capacity.js';

const limits = { normalRefTime: 1_500_000_000_000n, normalProofSize: 2n ** 64n - 1n, normalLength: 3_932_160, blockSeconds: 6 };

describe('blockCapacity', () => {
  it('fits as many extrinsics as the normal ref_time allows and turns them into viewers per 6 s block', () => {
    const capacity = blockCapacity(limits, { refTime: 1_315_787_000n, proofSize: 12_675n, length: 142 });
    expect(capacity.extrinsicsPerBlock).toBe(1140);
    expect(capacity.limitedBy).toBe('ref_time');
    expect(capacity.viewers(1)).toBe(190);
    expect(capacity.viewers(60)).toBe(11_400);
    expect(capacity.secondsPerExtrinsicFor(10_000)).toBe(53);
  });

  it('is limited by length or by a finite proof size when those bind first', () => {
    expect(blockCapacity({ ...limits, normalLength: 14_200 }, { refTime: 1_000_000n, proofSize: 1n, length: 142 })).toMatchObject({
      extrinsicsPerBlock: 100,
      limitedBy: 'length',
    });
    expect(blockCapacity({ ...limits, normalProofSize: 5_000_000n }, { refTime: 1_000_000n, proofSize: 10_000n, length: 142 })).toMatchObject({
      extrinsicsPerBlock: 500,
      limitedBy: 'proof_size',
    });
  });
});
