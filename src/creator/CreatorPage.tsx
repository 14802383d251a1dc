import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CreatorState, UiState } from '../shared/messages';
import { Address, Amount, Connecting, ErrorText, PageHeader, Section } from '../ui/components';
import type { Token } from '../ui/format';
import { t } from '../ui/i18n';
import { periodText } from '../ui/period';
import { tokenOf } from '../ui/token';
import { UnlockForm } from '../ui/UnlockForm';
import { useUiState } from '../ui/useWorker';
import { useCreatorState } from './creatorFeed';
import { RegisterForm } from './RegisterForm';
import { StreamCard } from './StreamCard';

/**
 * The creator's page: register a stream, paste its tag, watch viewers and earnings arrive, withdraw.
 * Every signature happens in the worker; the page sees the account's address, never its key.
 */
export function CreatorPage() {
  const { state, connected } = useUiState();
  const creator = useCreatorState();
  if (!state) return <Connecting page="creator" />;
  const { account, network } = state;
  return (
    <main data-testid="creator" data-account={account.status} data-connected={String(connected)} data-feed={creator?.status ?? 'loading'}>
      <PageHeader title={t('creatorHeading')} network={network} />
      <p class="muted">{t('creatorIntro')}</p>
      {account.address && (
        <div class="row">
          <Address address={account.address} testId="account-address" />
          {state.balance && <Amount planck={state.balance.transferable} token={tokenOf(network)} testId="creator-balance" />}
        </div>
      )}
      {account.status === 'no-account' && (
        <section class="panel" data-testid="creator-no-account">
          <p>{t('creatorNeedsAccount')}</p>
          <a href="../options/index.html#create" data-testid="creator-open-options">
            {t('firstRunCreate')}
          </a>
        </section>
      )}
      {account.status === 'locked' && <UnlockForm />}
      {account.status === 'unlocked' && account.address && <UnlockedView state={state} creator={creator} address={account.address} />}
      <div class="actions">
        <a href="../options/index.html" data-testid="open-options">
          {t('popupOpenOptions')}
        </a>
      </div>
    </main>
  );
}

function UnlockedView({ state, creator, address }: { state: UiState; creator: CreatorState | null; address: string }) {
  const { network } = state;
  if (network.status !== 'connected' || network.genesisHash === null || network.tokenDecimals === null) {
    return (
      <p class="reason" data-testid="creator-network-needed">
        {network.error ?? t('creatorNeedsNetwork')}
      </p>
    );
  }
  const token = tokenOf(network);
  const period = creator?.subscriptionPeriodMs ? periodText(creator.subscriptionPeriodMs) : '…';
  const current = creator !== null && creator.account === address ? creator : null;
  return (
    <>
      <MyStreams current={current} address={address} token={token} period={period} genesisHash={network.genesisHash} />
      {current?.status === 'ready' && (
        <RegisterSection hasStreams={current.streams.length > 0}>
          <RegisterForm token={token} period={period} genesisHash={network.genesisHash} creator={address} />
        </RegisterSection>
      )}
    </>
  );
}

/**
 * Registration is open while the creator has no stream; once they have one it waits behind a button. Once
 * open it stays open, so the result of a first registration (its tag) stays in view.
 */
function RegisterSection({ hasStreams, children }: { hasStreams: boolean; children: ComponentChildren }) {
  const [open, setOpen] = useState(!hasStreams);
  if (open) return <>{children}</>;
  return (
    <div class="actions">
      <button type="button" class="primary" data-testid="register-open" onClick={() => setOpen(true)}>
        {t('creatorRegisterAnother')}
      </button>
    </div>
  );
}

function MyStreams({ current, address, token, period, genesisHash }: { current: CreatorState | null; address: string; token: Token; period: string; genesisHash: string }) {
  const now = Date.now();
  return (
    <Section title={t('creatorMyStreams')} testId="my-streams">
      {(current === null || current.status === 'loading' || current.status === 'idle') && (
        <p class="muted" data-testid="my-streams-loading">
          {t('creatorReadingStreams')}
        </p>
      )}
      {current?.status === 'error' && <ErrorText error={current.error} testId="my-streams-error" />}
      {current?.status === 'ready' && current.streams.length === 0 && (
        <p class="muted" data-testid="my-streams-empty">
          {t('creatorNoStreams')}
        </p>
      )}
      {current?.streams.map((stream) => (
        <StreamCard key={stream.streamId} stream={stream} token={token} period={period} genesisHash={genesisHash} creator={address} now={now} />
      ))}
    </Section>
  );
}
