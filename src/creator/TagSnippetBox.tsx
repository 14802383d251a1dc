import { useId, useRef } from 'preact/hooks';
import { t } from '../ui/i18n';
import { useCopy } from '../ui/useCopy';
import { tagSnippet, type TagTarget } from './tagSnippet';

/** The ready-to-paste meta tags for one stream, fully visible, with a copy button. */
export function TagSnippetBox({ target }: { target: TagTarget }) {
  const snippet = tagSnippet(target);
  const box = useRef<HTMLTextAreaElement>(null);
  const { copied, copy } = useCopy(snippet);
  const id = useId();
  return (
    <div data-testid="tag-snippet" data-stream-id={target.streamId}>
      <label for={id}>{t('creatorTagIntro')}</label>
      <textarea
        id={id}
        ref={box}
        class="snippet"
        rows={snippet.split('\n').length}
        readOnly
        spellcheck={false}
        data-testid="tag-snippet-text"
        value={snippet}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div class="actions">
        <button type="button" data-testid="tag-copy" onClick={() => copy(box.current)}>
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
