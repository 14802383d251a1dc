import { useState } from 'preact/hooks';
import { ErrorText } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';

export function ImportMnemonic() {
  const [name, setName] = useState('');
  const [mnemonic, setMnemonic] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const importMnemonic = useAction<'account:import-mnemonic'>();
  const submit = async (event: Event) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    if (await importMnemonic.run({ type: 'account:import-mnemonic', name, mnemonic, password })) setMnemonic('');
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
      <label>
        {t('newPasswordLabel')}
        <input type="password" autoComplete="new-password" data-testid="import-mnemonic-password" value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
      </label>
      <label>
        {t('repeatPasswordLabel')}
        <input type="password" autoComplete="new-password" data-testid="import-mnemonic-password-repeat" value={repeat} onInput={(event) => setRepeat(event.currentTarget.value)} />
      </label>
      <button type="submit" class="primary" data-testid="import-mnemonic-submit" disabled={importMnemonic.busy || mnemonic.trim() === '' || password === ''}>
        {t('importButton')}
      </button>
      <ErrorText error={mismatch ? t('passwordsDiffer') : importMnemonic.error} testId="import-mnemonic-error" />
    </form>
  );
}
