import { useState } from 'preact/hooks';
import { ErrorText } from './components';
import { t } from './i18n';
import { useAction } from './useWorker';

/** Password → `keys:unlock`; a wrong password shows the worker's sentence under the field. */
export function UnlockForm() {
  const [password, setPassword] = useState('');
  const unlock = useAction<'keys:unlock'>();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await unlock.run({ type: 'keys:unlock', password })) setPassword('');
  };
  return (
    <form class="unlock" data-testid="unlock-form" onSubmit={submit}>
      <label>
        {t('unlockPasswordLabel')}
        <input
          type="password"
          autoComplete="current-password"
          data-testid="unlock-password"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
          autoFocus
        />
      </label>
      <button type="submit" data-testid="unlock-submit" disabled={unlock.busy || password === ''}>
        {unlock.busy ? t('unlockBusy') : t('unlockButton')}
      </button>
      <ErrorText error={unlock.error} testId="unlock-error" />
    </form>
  );
}
