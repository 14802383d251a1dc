import type { ConsentDecision, ConsentRequestView, NetworkState, SubscriptionView } from '../shared/messages';
import { Address, ErrorText } from '../ui/components';
import { formatRatePerMinute } from '../ui/format';
import { t } from '../ui/i18n';
import { tokenOf } from '../ui/token';
import { useAction } from '../ui/useWorker';
import { SubscriptionOffer } from './SubscriptionOffer';

/** The first play of a stream on a site: who gets paid, how much per minute, and the viewer's answer. */
export function ConsentPrompt({
  consent,
  network,
  subscription,
}: {
  consent: ConsentRequestView;
  network: NetworkState;
  /** The stream's subscription offer, when the worker knows it. */
  subscription: SubscriptionView | undefined;
}) {
  const decide = useAction<'consent:decide'>();
  const answer = (decision: ConsentDecision) => decide.run({ type: 'consent:decide', id: consent.id, decision });
  return (
    <section class="panel consent" data-testid="consent-prompt" data-consent-id={consent.id}>
      <h2>{t('consentHeading')}</h2>
      <p class="big" data-testid="consent-title">
        {consent.stream.title}
      </p>
      <div class="row">
        <span class="muted">{t('consentSite')}</span>
        <span data-testid="consent-site">{consent.site}</span>
      </div>
      <div class="row">
        <span class="muted">{t('consentCreator')}</span>
        <Address address={consent.stream.creator} testId="consent-creator" />
      </div>
      <div class="row">
        <span class="muted">{t('consentRate')}</span>
        <span data-testid="consent-rate" data-planck={consent.stream.ratePerMinute}>
          {formatRatePerMinute(consent.stream.ratePerMinute, tokenOf(network))}
        </span>
      </div>
      <div class="actions">
        <button type="button" class="primary" data-testid="consent-allow-once" disabled={decide.busy} onClick={() => answer('allow-once')}>
          {t('consentAllowOnce')}
        </button>
        <button type="button" data-testid="consent-allow-site" disabled={decide.busy} onClick={() => answer('allow-site')}>
          {t('consentAllowSite')}
        </button>
        <button type="button" data-testid="consent-decline" disabled={decide.busy} onClick={() => answer('decline')}>
          {t('consentDecline')}
        </button>
      </div>
      <ErrorText error={decide.error} testId="consent-error" />
      <SubscriptionOffer subscription={subscription} token={tokenOf(network)} consentId={consent.id} prefix="consent" />
    </section>
  );
}
