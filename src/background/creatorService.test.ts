import { describe, expect, test } from 'vitest';
import type { CreatorCall } from '../shared/messages';
import { CreatorService, type CreatorChain } from './creatorService';
import type { CallOutcome, PalletCall } from './palletCalls';

const ME = `0x${'11'.repeat(32)}`;
const SOMEONE_ELSE = `0x${'22'.repeat(32)}`;

/** Streams with their creator and earnings; every submitted call lands with `outcome`. */
class FakeCreatorChain implements CreatorChain {
  ready = true;
  readonly creators = new Map<string, string>([['7', ME], ['8', SOMEONE_ELSE]]);
  readonly earnings = new Map<string, bigint>([['7', 5_000n]]);
  readonly submitted: PalletCall[] = [];
  readonly estimated: PalletCall[] = [];
  outcome: CallOutcome = { kind: 'included', fee: 12n, events: [] };

  async estimateFee(call: PalletCall): Promise<bigint> {
    this.estimated.push(call);
    return 1_234n;
  }
  async submitCall(call: PalletCall): Promise<CallOutcome> {
    this.submitted.push(call);
    return this.outcome;
  }
  async streamCreatorKey(streamId: string): Promise<string | null> {
    return this.creators.get(streamId) ?? null;
  }
  async streamEarnings(streamId: string): Promise<bigint> {
    return this.earnings.get(streamId) ?? 0n;
  }
}

function setup(signerKey: string | null = ME) {
  const chain = new FakeCreatorChain();
  return { chain, service: new CreatorService({ chain, signerKey: () => signerKey }) };
}

const register: CreatorCall = {
  call: 'register',
  details: {
    title: 'Club',
    description: 'Late night',
    category: 'music',
    pricing: { baseRatePerMinute: '100000000000', premiumRatePerMinute: null, subscriptionPrice: '1000000000000' },
  },
};

describe('CreatorService (fake chain)', () => {
  test('registers with the chain’s PricingModel and returns the new stream id from StreamRegistered', async () => {
    const { chain, service } = setup();
    chain.outcome = {
      kind: 'included',
      fee: 99n,
      events: [
        { section: 'balances', method: 'Withdraw', data: ['x', '99'] },
        { section: 'streamRegistry', method: 'StreamRegistered', data: ['3', 'creator', 'Club'] },
      ],
    };
    expect(await service.submit(register)).toEqual({ status: 'included', fee: '99', streamId: '3', amount: null });
    expect(chain.submitted).toEqual([
      {
        pallet: 'streamRegistry',
        method: 'registerStream',
        args: [
          'Club',
          'Late night',
          'music',
          { baseRatePerMinute: 100_000_000_000n, premiumRatePerMinute: null, subscriptionAvailable: true, subscriptionPrice: 1_000_000_000_000n },
        ],
      },
    ]);
  });

  test('estimates the fee of exactly the call it would sign', async () => {
    const { chain, service } = setup();
    expect(await service.estimateFee({ call: 'set-status', streamId: '7', active: false })).toEqual({ fee: '1234' });
    expect(chain.estimated).toEqual([{ pallet: 'streamRegistry', method: 'updateStreamStatus', args: [7n, false] }]);
  });

  test('invalid details are refused with a sentence and nothing is signed or estimated', async () => {
    const { chain, service } = setup();
    const bad: CreatorCall = { ...register, details: { ...register.details, title: 'é'.repeat(65), pricing: { ...register.details.pricing, baseRatePerMinute: '0' } } };
    await expect(service.submit(bad)).rejects.toThrow('Title: at most 128 bytes (accented letters and emoji take more than one). Rate per minute: must be above 0.');
    await expect(service.estimateFee(bad)).rejects.toThrow('128 bytes');
    expect(chain.submitted).toEqual([]);
    expect(chain.estimated).toEqual([]);
  });

  test('withdraw all takes the earnings on chain at signing time, and reports the amount withdrawn', async () => {
    const { chain, service } = setup();
    chain.outcome = { kind: 'included', fee: 5n, events: [{ section: 'paymentHandler', method: 'EarningsWithdrawn', data: ['7', 'me', '5000'] }] };
    expect(await service.submit({ call: 'withdraw', streamId: '7', amount: null })).toEqual({ status: 'included', fee: '5', streamId: null, amount: '5000' });
    expect(chain.submitted[0]).toEqual({ pallet: 'paymentHandler', method: 'withdrawEarnings', args: [7n, 5000n] });
  });

  test('a withdrawal above the earnings, of 0, or with nothing earned, is refused before paying a fee', async () => {
    const { chain, service } = setup();
    await expect(service.submit({ call: 'withdraw', streamId: '7', amount: '5001' })).rejects.toThrow('The stream has not earned that much yet.');
    await expect(service.submit({ call: 'withdraw', streamId: '7', amount: '0' })).rejects.toThrow('must be above 0');
    chain.earnings.set('7', 0n);
    await expect(service.submit({ call: 'withdraw', streamId: '7', amount: null })).rejects.toThrow('Nothing to withdraw yet');
    expect(chain.submitted).toEqual([]);
  });

  test('only the stream’s creator may change it: someone else’s or a missing stream is refused before signing', async () => {
    const { chain, service } = setup();
    await expect(service.submit({ call: 'set-status', streamId: '8', active: false })).rejects.toThrow('belongs to another account');
    await expect(service.submit({ call: 'set-pricing', streamId: '9', pricing: register.details.pricing })).rejects.toThrow('There is no stream 9');
    expect(chain.submitted).toEqual([]);
  });

  test('a dispatch error comes back as its Section.Name with the fee charged; a pool refusal throws', async () => {
    const { chain, service } = setup();
    chain.outcome = { kind: 'failed', fee: 8n, error: 'StreamRegistry.TooManyStreams' };
    expect(await service.submit(register)).toEqual({ status: 'failed', fee: '8', error: 'StreamRegistry.TooManyStreams' });
    chain.outcome = { kind: 'rejected', error: '1010: Invalid Transaction: Inability to pay some fees', retryable: false, insufficientFunds: true };
    await expect(service.submit(register)).rejects.toThrow('Not enough balance to pay the network fee');
  });

  test('locked or disconnected: a sentence, nothing signed', async () => {
    const locked = setup(null);
    await expect(locked.service.submit(register)).rejects.toThrow('Unlock your account');
    const offline = setup();
    offline.chain.ready = false;
    await expect(offline.service.estimateFee(register)).rejects.toThrow('Not connected to the chain');
    expect([...locked.chain.submitted, ...offline.chain.submitted]).toEqual([]);
  });
});
