import { useState } from 'preact/hooks';
import type { SubscriptionView } from '../shared/messages';
import { chainErrorSentence } from '../ui/chainErrors';
import { ErrorText } from '../ui/components';
import { formatAmount, type Token } from '../ui/format';
import { t } from '../ui/i18n';
import { periodText } from '../ui/period';
import { useAction } from '../ui/useWorker';

/**
 * A stream's subscription, when it offers one: "Subscribed until …" while the viewer holds one (seconds
 * are still recorded on chain but not charged), else a button to buy one at the price shown. Bought from
 * the consent prompt (`consentId`), it also allows the stream on that site.
 */
export function SubscriptionOffer({
  subscription,
  token,
  consentId,
  prefix,
  disabled = false,
}: {
  subscription: SubscriptionView | undefined;
  token: Token;
  consentId: string | null;
  /** `consent` or `session`: the prefix of this block's test ids. */
  prefix: string;
  /** The button cannot be used yet (a consent prompt just shown). */
  disabled?: boolean;
}) {
  const buy = useAction<'subscription:buy'>();
  const [failure, setFailure] = useState<string | null>(null);
  if (!subscription) return null;
  const { activeUntil, price } = subscription;
  if (activeUntil !== null) {
    return (
      <p class="done" data-testid={`${prefix}-subscribed`} data-active-until={activeUntil}>
        {t('subscribedUntil', new Date(activeUntil).toLocaleDateString())}
      </p>
    );
  }
  if (price === null) return null;
  const subscribe = async () => {
    setFailure(null);
    const reply = await buy.run({ type: 'subscription:buy', streamId: subscription.streamId, maxPrice: price, consentId });
    if (reply?.data.status === 'failed') setFailure(`${chainErrorSentence(reply.data.error)} ${t('feeCharged', formatAmount(reply.data.fee, token))}`);
  };
  return (
    <div class="actions">
      <button
        type="button"
        data-testid={`${prefix}-subscribe`}
        data-planck={price}
        disabled={disabled || buy.busy}
        onClick={subscribe}
      >
        {t('subscribeFor', formatAmount(price, token), periodText(subscription.periodMs))}
      </button>
      <ErrorText error={buy.error ?? failure} testId={`${prefix}-subscribe-error`} />
    </div>
  );
}
