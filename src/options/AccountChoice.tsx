import { useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { CreateAccount } from './CreateAccount';
import { ImportJson } from './ImportJson';
import { ImportMnemonic } from './ImportMnemonic';

export type AccountWay = 'create' | 'import-mnemonic' | 'import-json';

const WAYS: { way: AccountWay; label: string }[] = [
  { way: 'create', label: 'accountWayCreate' },
  { way: 'import-mnemonic', label: 'accountWayImportMnemonic' },
  { way: 'import-json', label: 'accountWayImportJson' },
];

/** The way `#import` / `#import-json` / `#create` in the address asks for. */
export const wayOfHash = (hash: string): AccountWay => (hash === '#import' ? 'import-mnemonic' : hash === '#import-json' ? 'import-json' : 'create');

/** No account yet: one of the three ways to get one, one form at a time. */
export function AccountChoice({ pendingCreate, initial }: { pendingCreate: boolean; initial: AccountWay }) {
  const [way, setWay] = useState<AccountWay>(pendingCreate ? 'create' : initial);
  return (
    <>
      <p data-testid="account-status" data-status="no-account">
        {t('accountNone')}
      </p>
      {!pendingCreate && (
        <div class="choice" role="group" aria-label={t('accountWayLabel')}>
          {WAYS.map((entry) => (
            <button key={entry.way} type="button" data-testid="account-choice" data-choice={entry.way} aria-pressed={way === entry.way} onClick={() => setWay(entry.way)}>
              {t(entry.label)}
            </button>
          ))}
        </div>
      )}
      {way === 'create' && <CreateAccount pendingCreate={pendingCreate} />}
      {way === 'import-mnemonic' && <ImportMnemonic />}
      {way === 'import-json' && <ImportJson />}
    </>
  );
}
