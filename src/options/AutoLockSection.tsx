import { useEffect, useState } from 'preact/hooks';
import { ErrorText, Section } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';

export function AutoLockSection({ minutes }: { minutes: number }) {
  const [text, setText] = useState(String(minutes));
  useEffect(() => setText(String(minutes)), [minutes]);
  const [invalid, setInvalid] = useState(false);
  const save = useAction<'settings:set'>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const valid = /^\d{1,5}$/.test(text.trim());
    setInvalid(!valid);
    if (valid) await save.run({ type: 'settings:set', settings: { autoLockMinutes: Number(text.trim()) } });
  };
  return (
    <Section title={t('autoLockHeading')} testId="autolock-section">
      <form data-testid="autolock-form" onSubmit={submit}>
        <label>
          {t('autoLockLabel')}
          <input inputMode="numeric" data-testid="autolock-input" value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="autolock-save" disabled={save.busy}>
          {t('saveButton')}
        </button>
        <ErrorText error={invalid ? t('autoLockInvalid') : save.error} testId="autolock-error" />
      </form>
    </Section>
  );
}
