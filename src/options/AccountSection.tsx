import type { AccountState } from '../shared/messages';
import { Address, Section } from '../ui/components';
import { t } from '../ui/i18n';
import { UnlockForm } from '../ui/UnlockForm';
import { useAction } from '../ui/useWorker';
import { AccountChoice, type AccountWay } from './AccountChoice';
import { ExportAccount } from './ExportAccount';
import { RemoveAccount } from './RemoveAccount';

/** One account per browser: create or import one, or manage the one there is. */
export function AccountSection({ account, initialWay }: { account: AccountState; initialWay: AccountWay }) {
  const lock = useAction<'keys:lock'>();
  if (account.status === 'no-account') {
    return (
      <Section title={t('accountHeading')} testId="account-section" id="account">
        <AccountChoice pendingCreate={account.pendingCreate} initial={initialWay} />
      </Section>
    );
  }
  return (
    <Section title={t('accountHeading')} testId="account-section" id="account">
      <div class="row">
        <span>
          {account.name && <strong data-testid="account-name">{account.name}</strong>}{' '}
          {account.address && <Address address={account.address} testId="account-address" />}
        </span>
        <span class="muted" data-testid="account-status" data-status={account.status}>
          {t(account.status === 'locked' ? 'accountLocked' : 'accountUnlocked')}
        </span>
      </div>
      {account.address && (
        <p class="muted">
          <code data-testid="account-address-full">{account.address}</code>
        </p>
      )}
      {account.status === 'locked' ? (
        <UnlockForm />
      ) : (
        <div class="actions">
          <button type="button" data-testid="lock-button" disabled={lock.busy} onClick={() => lock.run({ type: 'keys:lock' })}>
            {t('lockButton')}
          </button>
        </div>
      )}
      <ExportAccount />
      <RemoveAccount />
    </Section>
  );
}
