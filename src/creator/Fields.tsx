import { utf8Length } from '../shared/streamDetails';

interface FieldProps {
  label: string;
  testId: string;
  value: string;
  onInput: (value: string) => void;
  /** Shown under the field (as `<testId>-error`). */
  error?: string | undefined;
  /** Text limit in UTF-8 bytes: shows "n / max" while typing. */
  maxBytes?: number;
  multiline?: boolean;
  inputMode?: 'decimal';
  placeholder?: string;
}

/** A labelled text input with its own error line. */
export function Field({ label, testId, value, onInput, error, maxBytes, multiline, inputMode, placeholder }: FieldProps) {
  const used = maxBytes === undefined ? null : utf8Length(value);
  const props = {
    'data-testid': testId,
    value,
    placeholder,
    'aria-invalid': error ? true : undefined,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <label>
      {label}
      {used !== null && (
        <span class="count" data-testid={`${testId}-bytes`} data-bytes={used}>
          {used} / {maxBytes}
        </span>
      )}
      {multiline ? <textarea rows={3} {...props} /> : <input inputMode={inputMode} spellcheck={false} {...props} />}
      {error && (
        <span class="field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </label>
  );
}
