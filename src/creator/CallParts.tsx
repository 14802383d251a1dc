import type { ChainCallResult } from '../shared/messages';
import { chainErrorSentence } from '../ui/chainErrors';
import { formatAmount, type Token } from '../ui/format';
import { t } from '../ui/i18n';
import type { FeeEstimate } from './useFeeEstimate';

/** "Estimated network fee: 0.0000011 VIL", shown before anything is signed. */
export function FeeLine({ estimate, token, testId }: { estimate: FeeEstimate; token: Token; testId: string }) {
  return (
    <p class="fee" data-testid={testId} data-planck={estimate.fee ?? ''}>
      {estimate.fee !== null
        ? t('creatorFeeEstimate', formatAmount(estimate.fee, token))
        : estimate.error !== null
          ? t('creatorFeeUnknown', estimate.error)
          : t('creatorFeeEstimating')}
    </p>
  );
}

/** What a signed call did: done (with its fee), or the dispatch error as a sentence (the fee was still paid). */
export function CallResultText({ result, token, testId, done }: { result: ChainCallResult; token: Token; testId: string; done: string }) {
  const fee = formatAmount(result.fee, token);
  if (result.status === 'included') {
    return (
      <p class="done" role="status" data-testid={testId} data-status="included" data-fee={result.fee}>
        {done} {t('creatorFeePaid', fee)}
      </p>
    );
  }
  return (
    <p class="error" role="alert" data-testid={testId} data-status="failed" data-fee={result.fee} data-error={result.error}>
      {chainErrorSentence(result.error)} {t('feeCharged', fee)}
    </p>
  );
}
