import { useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { tagSnippet, type TagTarget } from './tagSnippet';

/** The ready-to-paste meta tags for one stream, with a copy button. */
export function TagSnippetBox({ target }: { target: TagTarget }) {
  const snippet = tagSnippet(target);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async (event: Event) => {
    const box = (event.currentTarget as HTMLElement).parentElement?.querySelector('textarea');
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('yes');
    } catch {
      // Without clipboard access the text is selected, so Ctrl+C copies it.
      box?.select();
      setCopied('failed');
    }
  };
  return (
    <div data-testid="tag-snippet" data-stream-id={target.streamId}>
      <p class="muted">{t('creatorTagIntro')}</p>
      <textarea class="snippet" rows={3} readOnly data-testid="tag-snippet-text" value={snippet} onFocus={(event) => event.currentTarget.select()} />
      <div class="actions">
        <button type="button" data-testid="tag-copy" onClick={copy}>
          {t('creatorTagCopy')}
        </button>
        {copied && (
          <span class="muted" role="status" data-testid="tag-copied" data-copied={copied}>
            {copied === 'yes' ? t('creatorTagCopied') : t('creatorTagCopyManually')}
          </span>
        )}
      </div>
    </div>
  );
}
