import { useState } from 'preact/hooks';
import { ErrorText } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';
import { PasswordFields, passwordReady, type NewPassword } from './PasswordFields';

export function ImportMnemonic() {
  const [name, setName] = useState('');
  const [mnemonic, setMnemonic] = useState('');
  const [password, setPassword] = useState<NewPassword>({ password: '', repeat: '' });
  const importMnemonic = useAction<'account:import-mnemonic'>();
  const ready = mnemonic.trim() !== '' && passwordReady(password);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!ready) return;
    if (await importMnemonic.run({ type: 'account:import-mnemonic', name, mnemonic, password: password.password })) setMnemonic('');
  };
  return (
    <form id="import" data-testid="import-mnemonic-form" onSubmit={submit}>
      <h3>{t('importMnemonicHeading')}</h3>
      <label>
        {t('accountNameLabel')}
        <input data-testid="import-mnemonic-name" value={name} onInput={(event) => setName(event.currentTarget.value)} />
      </label>
      <label>
        {t('mnemonicLabel')}
        <textarea rows={3} autoComplete="off" spellcheck={false} data-testid="import-mnemonic-text" value={mnemonic} onInput={(event) => setMnemonic(event.currentTarget.value)} />
      </label>
      <PasswordFields prefix="import-mnemonic" value={password} onChange={setPassword} />
      <button type="submit" class="primary" data-testid="import-mnemonic-submit" disabled={importMnemonic.busy || !ready}>
        {t('importButton')}
      </button>
      <ErrorText error={importMnemonic.error} testId="import-mnemonic-error" />
    </form>
  );
}
