import type { Token } from '../ui/format';
import { t } from '../ui/i18n';
import { Field } from './Fields';
import type { FieldErrors, PricingTexts } from './streamForm';

/** Rate, optional premium rate, optional subscription: shared by registration and the pricing form. */
export function PricingFields({
  texts,
  onChange,
  errors,
  token,
  period,
  prefix,
}: {
  texts: PricingTexts;
  onChange: (texts: PricingTexts) => void;
  errors: FieldErrors;
  token: Token;
  /** "30 days": what one subscription buys. */
  period: string;
  prefix: string;
}) {
  const set = (patch: Partial<PricingTexts>) => onChange({ ...texts, ...patch });
  return (
    <>
      <div class="grid">
        <Field
          label={`${t('creatorRateLabel')} (${token.symbol})`}
          testId={`${prefix}-rate`}
          inputMode="decimal"
          value={texts.baseRate}
          onInput={(baseRate) => set({ baseRate })}
          error={errors.baseRatePerMinute}
        />
        <Field
          label={`${t('creatorPremiumLabel')} (${token.symbol})`}
          testId={`${prefix}-premium`}
          inputMode="decimal"
          placeholder={t('creatorOptional')}
          value={texts.premiumRate}
          onInput={(premiumRate) => set({ premiumRate })}
          error={errors.premiumRatePerMinute}
        />
      </div>
      <label>
        <input
          type="checkbox"
          style={{ width: 'auto' }}
          data-testid={`${prefix}-subscription-check`}
          checked={texts.offerSubscription}
          onChange={(event) => set({ offerSubscription: event.currentTarget.checked })}
        />{' '}
        {t('creatorOfferSubscription')}
      </label>
      {texts.offerSubscription && (
        <Field
          label={`${t('creatorSubscriptionPriceLabel')} (${token.symbol} / ${period})`}
          testId={`${prefix}-subscription-price`}
          inputMode="decimal"
          value={texts.subscriptionPrice}
          onInput={(subscriptionPrice) => set({ subscriptionPrice })}
          error={errors.subscriptionPrice}
        />
      )}
    </>
  );
}
