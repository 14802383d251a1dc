import { useId, useRef } from 'preact/hooks';
import { t } from '../ui/i18n';
import { CopyButton } from '../ui/CopyButton';
import { tagSnippet, type TagTarget } from './tagSnippet';

/** The ready-to-paste meta tags for one stream, fully visible, with a copy button. */
export function TagSnippetBox({ target }: { target: TagTarget }) {
  const snippet = tagSnippet(target);
  const box = useRef<HTMLTextAreaElement>(null);
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
      <CopyButton text={snippet} field={box} label={t('creatorTagCopy')} testId="tag-copy" statusTestId="tag-copied" />
    </div>
  );
}
