import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';

/** Asks for the password and offers the encrypted polkadot-js JSON backup as a download. */
export function ExportAccount() {
  const [password, setPassword] = useState('');
  const [download, setDownload] = useState<{ url: string; fileName: string } | null>(null);
  const exportJson = useAction<'account:export-json'>();
  useEffect(() => () => download && URL.revokeObjectURL(download.url), [download]);
  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await exportJson.run({ type: 'account:export-json', password });
    if (!result) return;
    setPassword('');
    const url = URL.createObjectURL(new Blob([result.data.json], { type: 'application/json' }));
    setDownload({ url, fileName: result.data.fileName });
  };
  return (
    <form data-testid="export-form" onSubmit={submit}>
      <h3>{t('exportHeading')}</h3>
      <label>
        {t('passwordLabel')}
        <input type="password" autoComplete="current-password" data-testid="export-password" value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
      </label>
      <button type="submit" data-testid="export-submit" disabled={exportJson.busy || password === ''}>
        {t('exportButton')}
      </button>
      {download && (
        <p>
          <a href={download.url} download={download.fileName} data-testid="export-download">
            {t('exportDownload', download.fileName)}
          </a>
        </p>
      )}
      <ErrorText error={exportJson.error} testId="export-error" />
    </form>
  );
}
