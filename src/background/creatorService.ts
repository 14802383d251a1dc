import type { ChainCallResult, CreatorCall } from '../shared/messages';
import { pricingProblems, streamDetailsProblems } from '../shared/streamDetails';
import { problemText } from '../shared/streamDetailsText';
import { callResult, pricingModelArg, type PalletCall, type PalletCallChain } from './palletCalls';
import { t } from '../shared/i18n';

/** What the creator's calls read and sign through the chain client. */
export interface CreatorChain extends PalletCallChain {
  readonly ready: boolean;
  /** Hex public key of the stream's creator; null when there is no such stream. */
  streamCreatorKey(streamId: string): Promise<string | null>;
  /** `PaymentHandler.StreamEarnings`: what the stream holds in escrow. */
  streamEarnings(streamId: string): Promise<bigint>;
}

export interface CreatorServiceDeps {
  chain: CreatorChain;
  /** Hex public key of the unlocked account; null while locked or without an account. */
  signerKey(): string | null;
}

/**
 * Signs the creator page's calls with the account's key (register a stream, start / stop it, change its
 * pricing, withdraw its earnings) and estimates their network fees. It checks each call first the way the
 * chain would, so a call bound to fail is refused with a sentence before any fee is paid.
 */
export class CreatorService {
  readonly #deps: CreatorServiceDeps;

  constructor(deps: CreatorServiceDeps) {
    this.#deps = deps;
  }

  async estimateFee(call: CreatorCall): Promise<{ fee: string }> {
    this.#requireReady();
    checkDetails(call);
    const palletCall = await this.#palletCall(call, false);
    return { fee: (await this.#deps.chain.estimateFee(palletCall)).toString() };
  }

  async submit(call: CreatorCall): Promise<ChainCallResult> {
    this.#requireReady();
    const signerKey = this.#deps.signerKey();
    if (signerKey === null) throw new Error(t('errorUnlockToSign'));
    checkDetails(call);
    if (call.call !== 'register') await this.#requireOwnStream(call.streamId, signerKey);
    const palletCall = await this.#palletCall(call, true);
    const outcome = await this.#deps.chain.submitCall(palletCall);
    switch (call.call) {
      case 'register':
        return callResult(outcome, { streamId: { section: 'streamRegistry', method: 'StreamRegistered', index: 0 } });
      case 'withdraw':
        return callResult(outcome, { amount: { section: 'paymentHandler', method: 'EarningsWithdrawn', index: 2 } });
      default:
        return callResult(outcome);
    }
  }

  #requireReady(): void {
    if (!this.#deps.chain.ready) throw new Error(t('errorNotConnected'));
  }

  async #requireOwnStream(streamId: string, signerKey: string): Promise<void> {
    const creatorKey = await this.#deps.chain.streamCreatorKey(streamId);
    if (creatorKey === null) throw new Error(t('errorNoSuchStream', streamId));
    if (creatorKey !== signerKey) throw new Error(t('errorNotYourStream', streamId));
  }

  /** `strict`: for signing, a withdrawal must fit the earnings (an estimate only needs the call's shape). */
  async #palletCall(call: CreatorCall, strict: boolean): Promise<PalletCall> {
    switch (call.call) {
      case 'register': {
        const { title, description, category, pricing } = call.details;
        return { pallet: 'streamRegistry', method: 'registerStream', args: [title, description, category, pricingModelArg(pricing)] };
      }
      case 'set-status':
        return { pallet: 'streamRegistry', method: 'updateStreamStatus', args: [BigInt(call.streamId), call.active] };
      case 'set-pricing':
        return { pallet: 'streamRegistry', method: 'updatePricing', args: [BigInt(call.streamId), pricingModelArg(call.pricing)] };
      case 'withdraw': {
        const amount = strict ? await this.#withdrawable(call.streamId, call.amount) : BigInt(call.amount ?? '1');
        return { pallet: 'paymentHandler', method: 'withdrawEarnings', args: [BigInt(call.streamId), amount] };
      }
    }
  }

  async #withdrawable(streamId: string, asked: string | null): Promise<bigint> {
    const earnings = await this.#deps.chain.streamEarnings(streamId);
    const amount = asked === null ? earnings : BigInt(asked);
    if (amount === 0n) throw new Error(t(asked === null ? 'errorNothingToWithdraw' : 'errorWithdrawZero'));
    if (amount > earnings) throw new Error(t('chainError_PaymentHandler_InsufficientEarnings'));
    return amount;
  }
}

function checkDetails(call: CreatorCall): void {
  const problems =
    call.call === 'register' ? streamDetailsProblems(call.details) : call.call === 'set-pricing' ? pricingProblems(call.pricing) : [];
  if (problems.length > 0) throw new Error(problems.map(problemText).join(' '));
}
