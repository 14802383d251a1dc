import { describe, expect, it } from 'vitest';
import { checkCall, type CallMetadata } from './callGuard';

/** A metadata stand-in: call index [pallet, call] → what it says the call is. */
function metadata(calls: Record<string, { section: string; method: string; fields: string[] }>): CallMetadata {
  return {
    findMetaCall(callIndex) {
      const call = calls[`${callIndex[0]},${callIndex[1]}`];
      if (!call) throw new Error('findMetaCall: unknown index');
      return { section: call.section, method: call.method, meta: { fields: call.fields.map((name) => ({ name: { toString: () => name } })) } };
    },
  };
}

const honest = metadata({
  '9,2': { section: 'tickStream', method: 'recordTick', fields: ['stream_id', 'ticks', 'max_rate_per_minute'] },
  '9,0': { section: 'tickStream', method: 'joinStream', fields: ['stream_id'] },
  '5,0': { section: 'balances', method: 'transferAllowDeath', fields: ['dest', 'value'] },
  '9,7': { section: 'tickStream', method: 'recordTick', fields: ['dest', 'value', 'max_rate_per_minute'] },
});

describe('checkCall (metadata stand-in)', () => {
  it('lets through the call the worker meant, by pallet, call and argument names', () => {
    expect(() => checkCall(honest, Uint8Array.from([9, 2]), 'tickStream.recordTick')).not.toThrow();
    expect(() => checkCall(honest, Uint8Array.from([9, 0]), 'tickStream.joinStream')).not.toThrow();
  });

  it('refuses bytes whose index the metadata names as another call (a transfer where record_tick was meant)', () => {
    expect(() => checkCall(honest, Uint8Array.from([5, 0]), 'tickStream.recordTick')).toThrow(
      "Refused to sign: the node's metadata makes this call balances.transferAllowDeath, not tickStream.recordTick.",
    );
  });

  it('refuses a call of the right name with other arguments, an index the metadata does not know, and a call outside the list', () => {
    expect(() => checkCall(honest, Uint8Array.from([9, 7]), 'tickStream.recordTick')).toThrow(/arguments \(dest, value, max_rate_per_minute\)/);
    expect(() => checkCall(honest, Uint8Array.from([42, 42]), 'tickStream.recordTick')).toThrow(/does not describe call index 0x2a2a/);
    expect(() => checkCall(honest, Uint8Array.from([5, 0]), 'balances.transferAllowDeath' as never)).toThrow(/not a call this extension signs/);
  });
});
