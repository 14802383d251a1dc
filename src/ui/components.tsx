import type { ComponentChildren } from 'preact';
import type { NetworkState } from '../shared/messages';
import { formatAmount, shortAddress, type Token } from './format';
import { t } from './i18n';

/** What an extension page (`page` is its test id) shows until the worker's first snapshot arrives. */
export function Connecting({ page }: { page: string }) {
  return (
    <main data-testid={page} data-account="loading">
      <p class="muted" data-testid={`${page}-loading`}>
        {t('popupConnecting')}
      </p>
    </main>
  );
}

/** A page header: its title and the connection to the chain. */
export function PageHeader({ title, network }: { title: string; network: NetworkState }) {
  return (
    <header>
      <h1>{title}</h1>
      <span class="status" data-testid="network-status" data-status={network.status} title={network.error ?? network.endpoint}>
        {t(`network_${network.status}`)}
        {network.error && <span class="visually-hidden">: {network.error}</span>}
      </span>
    </header>
  );
}

/** An amount in the chain's token; the raw planck value stays in `data-planck` for tests and tools. */
export function Amount({ planck, token, testId }: { planck: string; token: Token; testId: string }) {
  return (
    <span class="amount" data-testid={testId} data-planck={planck}>
      {formatAmount(planck, token)}
    </span>
  );
}

/** An address, shortened on screen; assistive technology reads it whole (and the tooltip shows it). */
export function Address({ address, testId }: { address: string; testId: string }) {
  return (
    <span class="address" data-testid={testId} data-address={address} title={address}>
      <span aria-hidden="true">{shortAddress(address)}</span>
      <span class="visually-hidden">{address}</span>
    </span>
  );
}

export function ErrorText({ error, testId }: { error: string | null; testId: string }) {
  if (!error) return null;
  return (
    <p class="error" role="alert" data-testid={testId}>
      {error}
    </p>
  );
}

/** A titled panel; `id` makes it a link target (`options/index.html#budgets`). */
export function Section({ title, testId, id, children }: { title: string; testId: string; id?: string; children: ComponentChildren }) {
  return (
    <section class="panel" id={id} data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
