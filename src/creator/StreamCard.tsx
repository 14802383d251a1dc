import { useState } from 'preact/hooks';
import type { ChainCallResult, CreatorCall, CreatorStreamView, PayoutView } from '../shared/messages';
import { Amount, ErrorText } from '../ui/components';
import { amountProblem, formatAmount, formatCount, formatDateTime, formatDuration, formatRatePerMinute, parseAmount, type Token } from '../ui/format';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';
import { CallResultText, FeeLine } from './CallParts';
import { EarningsChart } from './EarningsChart';
import { PricingFields } from './PricingFields';
import { pricingTexts, readPricing, type PricingTexts } from './streamForm';
import { TagSnippetBox } from './TagSnippetBox';
import { useFeeEstimate } from './useFeeEstimate';

export interface StreamCardProps {
  stream: CreatorStreamView;
  token: Token;
  period: string;
  genesisHash: string;
  creator: string;
  now: number;
}

/** One of the creator's streams: live numbers from the chain, its tag, and what the creator can change. */
export function StreamCard({ stream, token, period, genesisHash, creator, now }: StreamCardProps) {
  const { pricing } = stream;
  return (
    <article class="panel" data-testid="creator-stream" data-stream-id={stream.streamId} data-active={String(stream.active)}>
      <div class="stream-head">
        <h2 data-testid="stream-title">{stream.title}</h2>
        <span class="muted">#{stream.streamId}</span>
        <span class="status" data-testid="stream-status" data-active={String(stream.active)}>
          {stream.active ? t('creatorStreamLive') : t('creatorStreamStopped')}
        </span>
      </div>
      {stream.description && <p class="muted">{stream.description}</p>}
      <div class="stats">
        <div>
          <span class="muted">{t('creatorWatchingNow')}</span>
          <span class="value" data-testid="stream-viewers" data-count={stream.watchingNow}>
            {formatCount(stream.watchingNow)}
          </span>
          <span class="muted small" data-testid="stream-joined" data-count={stream.viewerCount}>
            {t('creatorJoined', formatCount(stream.viewerCount))}
          </span>
        </div>
        <div>
          <span class="muted">{t('creatorWatched')}</span>
          <span class="value" data-testid="stream-ticks" data-ticks={stream.secondsWatched} data-in-escrow={stream.secondsInEscrow}>
            {formatDuration(stream.secondsWatched)}
          </span>
          {stream.secondsInEscrow < stream.secondsWatched && (
            <span class="muted small" data-testid="stream-seconds-in-escrow">
              {t('creatorSecondsInEscrow', formatDuration(stream.secondsInEscrow))}
            </span>
          )}
        </div>
        <div>
          <span class="muted">{t('creatorLifetime')}</span>
          <span class="value">
            <Amount planck={stream.lifetimeEarned} token={token} testId="stream-lifetime" />
          </span>
          <span class="muted small">
            {t('creatorUnwithdrawn')} <Amount planck={stream.earnings} token={token} testId="stream-earnings" />
          </span>
          <span class="muted small" title={t('creatorOwedHint')}>
            {t('creatorOwed')} <Amount planck={stream.owed} token={token} testId="stream-owed" />
          </span>
        </div>
      </div>
      <div class="row">
        <span class="muted">{t('creatorRateLabel')}</span>
        <span data-testid="stream-rate" data-planck={pricing.baseRatePerMinute}>
          {formatRatePerMinute(pricing.baseRatePerMinute, token)}
          {pricing.premiumRatePerMinute !== null && ` · ${t('creatorPremiumShort', formatRatePerMinute(pricing.premiumRatePerMinute, token))}`}
        </span>
      </div>
      <div class="row">
        <span class="muted">{t('creatorSubscriptionPriceLabel')}</span>
        {pricing.subscriptionPrice === null ? (
          <span data-testid="stream-subscription" data-planck="">
            {t('creatorNoSubscription')}
          </span>
        ) : (
          <span>
            <Amount planck={pricing.subscriptionPrice} token={token} testId="stream-subscription" /> / {period}
          </span>
        )}
      </div>
      <EarningsChart history={stream.history} lifetime={stream.lifetimeEarned} token={token} now={now} />
      <StatusToggle stream={stream} token={token} />
      <WithdrawForm stream={stream} token={token} />
      <Payouts payouts={stream.payouts} token={token} />
      <details>
        <summary>{t('creatorTagHeading')}</summary>
        <TagSnippetBox target={{ streamId: stream.streamId, genesisHash, creator }} />
      </details>
      <details>
        <summary>{t('creatorPricingHeading')}</summary>
        <PricingForm stream={stream} token={token} period={period} />
      </details>
    </article>
  );
}

/** The payouts seen for the stream, newest first. */
function Payouts({ payouts, token }: { payouts: PayoutView[]; token: Token }) {
  return (
    <details data-testid="payout-history" data-count={payouts.length}>
      <summary>{t('creatorPayoutsHeading', formatCount(payouts.length))}</summary>
      {payouts.length === 0 ? (
        <p class="muted">{t('creatorPayoutsNone')}</p>
      ) : (
        <ul class="sites">
          {payouts.map((payout) => (
            <li key={`${payout.block}:${payout.index}`} class="row" data-testid="payout" data-block={payout.block}>
              <span>{formatDateTime(payout.at)}</span>
              <Amount planck={payout.amount} token={token} testId="payout-amount" />
            </li>
          ))}
        </ul>
      )}
      <p class="muted small">{t('creatorPayoutsNote')}</p>
    </details>
  );
}

/** The last answer of one of the card's signed calls, and the sentence for what it did. */
function useCall(done: (result: ChainCallResult) => string) {
  const action = useAction<'creator:submit'>();
  const [last, setLast] = useState<{ result: ChainCallResult; done: string } | null>(null);
  const run = async (call: CreatorCall) => {
    setLast(null);
    const reply = await action.run({ type: 'creator:submit', call });
    if (reply) setLast({ result: reply.data, done: done(reply.data) });
    return reply?.data ?? null;
  };
  return { run, busy: action.busy, error: action.error, last };
}

function StatusToggle({ stream, token }: { stream: CreatorStreamView; token: Token }) {
  const call: CreatorCall = { call: 'set-status', streamId: stream.streamId, active: !stream.active };
  const fee = useFeeEstimate(call);
  const toggle = useCall(() => (stream.active ? t('creatorStopped') : t('creatorStarted')));
  return (
    <div>
      <div class="actions">
        <button type="button" data-testid="stream-toggle" data-active={String(stream.active)} disabled={toggle.busy} onClick={() => toggle.run(call)}>
          {stream.active ? t('creatorStop') : t('creatorStart')}
        </button>
        <FeeLine estimate={fee} token={token} testId="stream-toggle-fee" />
      </div>
      {toggle.last && <CallResultText result={toggle.last.result} token={token} testId="stream-toggle-result" done={toggle.last.done} />}
      <ErrorText error={toggle.error} testId="stream-toggle-error" />
    </div>
  );
}

function WithdrawForm({ stream, token }: { stream: CreatorStreamView; token: Token }) {
  const [amount, setAmount] = useState('');
  const parsed = parseAmount(amount, token.decimals);
  const invalid =
    parsed.ok || parsed.reason === 'empty'
      ? null
      : amountProblem(parsed.reason, t('creatorWithdrawAmount'), token.decimals);
  const call: CreatorCall | null = invalid ? null : { call: 'withdraw', streamId: stream.streamId, amount: parsed.ok ? parsed.planck : null };
  const fee = useFeeEstimate(call);
  const withdraw = useCall((result) =>
    result.status === 'included' && result.amount !== null ? t('creatorWithdrawn', formatAmount(result.amount, token)) : '',
  );
  const submit = async (event: Event) => {
    event.preventDefault();
    if (call && (await withdraw.run(call))?.status === 'included') setAmount('');
  };
  const nothing = BigInt(stream.earnings) === 0n;
  return (
    <form data-testid="withdraw-form" onSubmit={submit}>
      <label>
        {t('creatorWithdrawAmount')} ({token.symbol})
        <input inputMode="decimal" data-testid="withdraw-amount" placeholder={t('creatorWithdrawAllPlaceholder')} value={amount} onInput={(event) => setAmount(event.currentTarget.value)} />
      </label>
      {call && <FeeLine estimate={fee} token={token} testId="withdraw-fee" />}
      <button type="submit" class="primary" data-testid="withdraw-submit" disabled={withdraw.busy || call === null || (nothing && amount.trim() === '')}>
        {amount.trim() === '' ? t('creatorWithdrawAll') : t('creatorWithdraw')}
      </button>
      <ErrorText error={invalid ?? withdraw.error} testId="withdraw-error" />
      {withdraw.last && <CallResultText result={withdraw.last.result} token={token} testId="withdraw-result" done={withdraw.last.done} />}
    </form>
  );
}

function PricingForm({ stream, token, period }: { stream: CreatorStreamView; token: Token; period: string }) {
  const [texts, setTexts] = useState<PricingTexts>(() => pricingTexts(stream.pricing, token.decimals));
  const form = readPricing(texts, token.decimals);
  const call: CreatorCall | null = form.ok ? { call: 'set-pricing', streamId: stream.streamId, pricing: form.value } : null;
  const fee = useFeeEstimate(call);
  const save = useCall(() => t('creatorPricingSaved'));
  const submit = async (event: Event) => {
    event.preventDefault();
    if (call) await save.run(call);
  };
  return (
    <form data-testid="pricing-form" onSubmit={submit} noValidate>
      <PricingFields texts={texts} onChange={setTexts} errors={form.ok ? {} : form.errors} token={token} period={period} prefix="pricing" />
      {call && <FeeLine estimate={fee} token={token} testId="pricing-fee" />}
      <button type="submit" data-testid="pricing-save" disabled={save.busy || call === null}>
        {t('creatorPricingSave')}
      </button>
      <ErrorText error={save.error} testId="pricing-error" />
      {save.last && <CallResultText result={save.last.result} token={token} testId="pricing-result" done={save.last.done} />}
    </form>
  );
}
