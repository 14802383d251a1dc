import type { ComponentChildren } from 'preact';
import { formatAmount, shortAddress, type Token } from './format';

/** An amount in the chain's token; the raw planck value stays in `data-planck` for tests and tools. */
export function Amount({ planck, token, testId }: { planck: string; token: Token; testId: string }) {
  return (
    <span class="amount" data-testid={testId} data-planck={planck}>
      {formatAmount(planck, token)}
    </span>
  );
}

export function Address({ address, testId }: { address: string; testId: string }) {
  return (
    <span class="address" data-testid={testId} data-address={address} title={address}>
      {shortAddress(address)}
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

export function Section({ title, testId, children }: { title: string; testId: string; children: ComponentChildren }) {
  return (
    <section class="panel" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
