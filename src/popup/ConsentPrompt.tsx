import { useEffect, useRef, useState } from 'preact/hooks';
import type { Budgets, ConsentDecision, ConsentRequestView, NetworkState, SpendState, SubscriptionView } from '../shared/messages';
import { Address, Amount, ErrorText } from '../ui/components';
import { formatRatePerHour, formatRatePerMinute } from '../ui/format';
import { t } from '../ui/i18n';
import { tokenOf } from '../ui/token';
import { useAction } from '../ui/useWorker';
import { budgetLeft } from './budgetLeft';
import { SubscriptionOffer } from './SubscriptionOffer';

const BUDGET_LABEL = { perDay: 'consentBudgetLeftDay', global: 'consentBudgetLeftTotal', perSession: 'consentBudgetLeftSession' } as const;

/**
 * The answer buttons stay disabled this long after a request is shown, so a page cannot swap the request
 * under a click the person already aimed at the one before. Render the prompt with `key={consent.id}`: a
 * new request is a new prompt (waiting again, no busy state or error carried over).
 */
export const CONSENT_ARM_MS = 800;

/**
 * A stream plays in a tab and waits for the person's answer: which site they are on (and, for an embed,
 * whose player it shows), the stream's on-chain title and creator (marked when the page's tag names that
 * creator too), the rate per minute and per hour, and what is left of the budget. The answer goes to this
 * request only. Focus moves into the dialog when a new request appears; its buttons wait CONSENT_ARM_MS.
 */
export function ConsentPrompt({
  consent,
  otherTab,
  network,
  budgets,
  spend,
  subscription,
}: {
  consent: ConsentRequestView;
  /** The request comes from another tab than the one the popup describes. */
  otherTab: boolean;
  network: NetworkState;
  budgets: Budgets;
  spend: SpendState;
  /** The stream's subscription offer, when the worker knows it. */
  subscription: SubscriptionView | undefined;
}) {
  const decide = useAction<'consent:decide'>();
  const dialog = useRef<HTMLElement>(null);
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    dialog.current?.focus();
    const timer = setTimeout(() => setArmed(true), CONSENT_ARM_MS);
    return () => clearTimeout(timer);
  }, []);
  const disabled = !armed || decide.busy;
  const answer = (decision: ConsentDecision) => decide.run({ type: 'consent:decide', id: consent.id, decision });
  const token = tokenOf(network);
  const { stream } = consent;
  const embedded = consent.frameOrigin !== consent.site;
  const left = budgetLeft(budgets, spend);
  return (
    <section
      ref={dialog}
      class="panel consent"
      role="dialog"
      aria-labelledby="consent-heading"
      aria-describedby="consent-summary"
      tabIndex={-1}
      data-testid="consent-prompt"
      data-consent-id={consent.id}
      data-tab-id={consent.tabId}
      data-armed={String(armed)}
    >
      <h2 id="consent-heading">{t('consentHeading')}</h2>
      <p id="consent-summary" data-testid="consent-summary">
        {embedded ? t('consentSummaryEmbedded', hostOf(consent.site), stream.title) : t('consentSummary', stream.title, hostOf(consent.site))}
      </p>
      {otherTab && (
        <p class="muted" data-testid="consent-other-tab">
          {t('consentOtherTab')}
        </p>
      )}
      <p class="big">
        <span data-testid="consent-title">{stream.title}</span>{' '}
        {consent.creatorVerified && (
          <span class="verified" data-testid="consent-verified" title={t('consentVerifiedHelp')}>
            ✓ {t('consentVerified')}
            <span class="visually-hidden"> ({t('consentVerifiedHelp')})</span>
          </span>
        )}
      </p>
      <div class="row">
        <span class="muted">{t('consentSite')}</span>
        <span data-testid="consent-site">{consent.site}</span>
      </div>
      {embedded && (
        <div class="row">
          <span class="muted">{t('consentPlayerFrom')}</span>
          <span data-testid="consent-frame-origin">{consent.frameOrigin}</span>
        </div>
      )}
      <div class="row">
        <span class="muted">{t('consentCreator')}</span>
        <Address address={stream.creator} testId="consent-creator" />
      </div>
      <div class="row">
        <span class="muted">{t('consentRate')}</span>
        <span>
          <span data-testid="consent-rate" data-planck={stream.ratePerMinute}>
            {formatRatePerMinute(stream.ratePerMinute, token)}
          </span>
          {' · '}
          <span data-testid="consent-rate-hour" data-planck={(BigInt(stream.ratePerMinute) * 60n).toString()}>
            {formatRatePerHour(stream.ratePerMinute, token)}
          </span>
        </span>
      </div>
      <div class="row">
        <span class="muted">{left ? t(BUDGET_LABEL[left.cap]) : t('consentBudget')}</span>
        {left ? (
          <Amount planck={left.left.toString()} token={token} testId="consent-budget-left" />
        ) : (
          <span data-testid="consent-budget-left">{t('consentNoBudget')}</span>
        )}
      </div>
      <div class="actions">
        <button type="button" class="primary" data-testid="consent-allow-once" disabled={disabled} onClick={() => answer('allow-once')}>
          {t('consentAllowOnce')}
        </button>
        <button type="button" data-testid="consent-allow-always" disabled={disabled} onClick={() => answer('allow-always')}>
          {t('consentAllowAlways', hostOf(consent.site))}
        </button>
        <button type="button" data-testid="consent-decline" disabled={disabled} onClick={() => answer('decline')}>
          {t('consentDecline')}
        </button>
      </div>
      <ErrorText error={decide.error} testId="consent-error" />
      <SubscriptionOffer subscription={subscription} token={token} consentId={consent.id} prefix="consent" disabled={!armed} />
    </section>
  );
}

/** "https://news.example" → "news.example" (what a person reads in the address bar). */
function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
