import { useState } from 'preact/hooks';
import { ErrorText } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';

export function RemoveAccount() {
  const [password, setPassword] = useState('');
  const [backedUp, setBackedUp] = useState(false);
  const remove = useAction<'account:remove'>();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await remove.run({ type: 'account:remove', password })) setPassword('');
  };
  return (
    <form data-testid="remove-form" onSubmit={submit}>
      <h3>{t('removeHeading')}</h3>
      <p class="muted">{t('removeIntro')}</p>
      <label>
        {t('passwordLabel')}
        <input type="password" autoComplete="current-password" data-testid="remove-password" value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
      </label>
      <label>
        <input type="checkbox" style="width:auto" data-testid="remove-confirm-check" checked={backedUp} onChange={(event) => setBackedUp(event.currentTarget.checked)} />{' '}
        {t('removeConfirm')}
      </label>
      <button type="submit" data-testid="remove-submit" disabled={remove.busy || password === '' || !backedUp}>
        {t('removeButton')}
      </button>
      <ErrorText error={remove.error} testId="remove-error" />
    </form>
  );
}
