import type { RefObject } from 'preact';
import { t } from './i18n';
import { useCopy } from './useCopy';

/**
 * Copies `text` to the clipboard and says so; without clipboard access it selects the text of `field`
 * (the input or textarea showing it) and says to press Ctrl+C. `testId` names the button, `<prefix>-copied`
 * the sentence (`data-copied` = `yes` or `failed`).
 */
export function CopyButton({ text, field, label, testId, statusTestId, primary = false }: {
  text: string;
  field: RefObject<HTMLInputElement | HTMLTextAreaElement>;
  label: string;
  testId: string;
  statusTestId: string;
  primary?: boolean;
}) {
  const { copied, copy } = useCopy(text);
  return (
    <div class="actions">
      <button type="button" class={primary ? 'primary' : undefined} data-testid={testId} onClick={() => copy(field.current)}>
        {label}
      </button>
      {copied && (
        <span class="muted" role="status" data-testid={statusTestId} data-copied={copied}>
          {copied === 'yes' ? t('copied') : t('copyManually')}
        </span>
      )}
    </div>
  );
}
