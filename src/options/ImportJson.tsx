import { useState } from 'preact/hooks';
import { ErrorText } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';

/** A polkadot-js JSON backup: its own password to open it, and the password that protects it here. */
export function ImportJson() {
  const [json, setJson] = useState('');
  const [backupPassword, setBackupPassword] = useState('');
  const [password, setPassword] = useState('');
  const importJson = useAction<'account:import-json'>();
  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (file) setJson(await file.text());
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await importJson.run({ type: 'account:import-json', json, jsonPassword: backupPassword, password })) setJson('');
  };
  return (
    <form data-testid="import-json-form" onSubmit={submit}>
      <h3>{t('importJsonHeading')}</h3>
      <label>
        {t('importJsonFileLabel')}
        <input type="file" accept=".json,application/json" data-testid="import-json-file" onChange={(event) => readFile(event.currentTarget)} />
      </label>
      <label>
        {t('importJsonTextLabel')}
        <textarea rows={3} spellcheck={false} data-testid="import-json-text" value={json} onInput={(event) => setJson(event.currentTarget.value)} />
      </label>
      <label>
        {t('importJsonBackupPasswordLabel')}
        <input type="password" autoComplete="off" data-testid="import-json-backup-password" value={backupPassword} onInput={(event) => setBackupPassword(event.currentTarget.value)} />
      </label>
      <label>
        {t('newPasswordLabel')}
        <input type="password" autoComplete="new-password" data-testid="import-json-password" value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
      </label>
      <button type="submit" class="primary" data-testid="import-json-submit" disabled={importJson.busy || json.trim() === '' || password === ''}>
        {t('importButton')}
      </button>
      <ErrorText error={importJson.error} testId="import-json-error" />
    </form>
  );
}
