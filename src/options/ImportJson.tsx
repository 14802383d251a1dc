import { useState } from 'preact/hooks';
import { ErrorText } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';
import { PasswordFields, passwordReady, type NewPassword } from './PasswordFields';

/** A polkadot-js JSON backup: its own password to open it, and the password that protects it here. */
export function ImportJson() {
  const [json, setJson] = useState('');
  const [backupPassword, setBackupPassword] = useState('');
  const [password, setPassword] = useState<NewPassword>({ password: '', repeat: '' });
  const importJson = useAction<'account:import-json'>();
  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (file) setJson(await file.text());
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!passwordReady(password)) return;
    if (await importJson.run({ type: 'account:import-json', json, jsonPassword: backupPassword, password: password.password })) setJson('');
  };
  return (
    <form id="import-json" data-testid="import-json-form" onSubmit={submit}>
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
      <PasswordFields prefix="import-json" value={password} onChange={setPassword} />
      <button type="submit" class="primary" data-testid="import-json-submit" disabled={importJson.busy || json.trim() === '' || !passwordReady(password)}>
        {t('importButton')}
      </button>
      <ErrorText error={importJson.error} testId="import-json-error" />
    </form>
  );
}
