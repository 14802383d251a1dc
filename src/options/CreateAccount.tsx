import { useState } from 'preact/hooks';
import type { CreatedAccount } from '../shared/messages';
import { ErrorText } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';
import { PasswordFields, passwordReady, type NewPassword } from './PasswordFields';

type Step =
  | { kind: 'form' }
  /** The recovery phrase, shown this once; it lives only in this component's memory. */
  | { kind: 'show'; created: CreatedAccount }
  | { kind: 'confirm'; confirmIndexes: number[] };

/**
 * Create → the worker makes a mnemonic (nothing saved yet) → the person writes it down → re-types the
 * words at the positions the worker chose → the account is saved. Leaving the page half-way cancels.
 */
export function CreateAccount({ pendingCreate }: { pendingCreate: boolean }) {
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const create = useAction<'account:create'>();
  const cancel = useAction<'account:cancel-create'>();
  const restart = async () => {
    if (await cancel.run({ type: 'account:cancel-create' })) setStep({ kind: 'form' });
  };
  const start = async (name: string, password: string) => {
    const result = await create.run({ type: 'account:create', name, password });
    if (result) setStep({ kind: 'show', created: result.data });
  };

  // A creation pending in the worker that this page did not start (or no longer shows) cannot be finished.
  if (step.kind === 'form' && pendingCreate && !create.busy) {
    return (
      <div data-testid="create-interrupted">
        <p>{t('createInterrupted')}</p>
        <button type="button" data-testid="create-cancel" disabled={cancel.busy} onClick={restart}>
          {t('createStartAgain')}
        </button>
        <ErrorText error={cancel.error} testId="create-cancel-error" />
      </div>
    );
  }
  if (step.kind === 'show') {
    return <ShowMnemonic created={step.created} onDone={() => setStep({ kind: 'confirm', confirmIndexes: step.created.confirmIndexes })} />;
  }
  if (step.kind === 'confirm') return <ConfirmMnemonic confirmIndexes={step.confirmIndexes} onCancel={restart} />;
  return <CreateForm onSubmit={start} busy={create.busy} error={create.error} />;
}

interface CreateFormProps {
  onSubmit: (name: string, password: string) => Promise<void>;
  busy: boolean;
  error: string | null;
}

function CreateForm({ onSubmit, busy, error }: CreateFormProps) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState<NewPassword>({ password: '', repeat: '' });
  const submit = async (event: Event) => {
    event.preventDefault();
    if (passwordReady(password)) await onSubmit(name, password.password);
  };
  return (
    <form id="create" data-testid="create-form" onSubmit={submit}>
      <h3>{t('createHeading')}</h3>
      <label>
        {t('accountNameLabel')}
        <input data-testid="create-name" value={name} onInput={(event) => setName(event.currentTarget.value)} />
      </label>
      <PasswordFields prefix="create" value={password} onChange={setPassword} />
      <button type="submit" class="primary" data-testid="create-submit" disabled={busy || !passwordReady(password)}>
        {t('createButton')}
      </button>
      <ErrorText error={error} testId="create-error" />
    </form>
  );
}

function ShowMnemonic({ created, onDone }: { created: CreatedAccount; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const words = created.mnemonic.split(' ');
  return (
    <div data-testid="mnemonic-panel">
      <p>{t('mnemonicIntro')}</p>
      <ol class="mnemonic" data-testid="mnemonic-words">
        {words.map((word, index) => (
          <li key={index} data-testid="mnemonic-word" data-index={index}>
            {word}
          </li>
        ))}
      </ol>
      <label>
        <input type="checkbox" style="width:auto" data-testid="mnemonic-saved-check" checked={saved} onChange={(event) => setSaved(event.currentTarget.checked)} />{' '}
        {t('mnemonicSaved')}
      </label>
      <button type="button" class="primary" data-testid="mnemonic-continue" disabled={!saved} onClick={onDone}>
        {t('mnemonicContinue')}
      </button>
    </div>
  );
}

function ConfirmMnemonic({ confirmIndexes, onCancel }: { confirmIndexes: number[]; onCancel: () => void }) {
  const [words, setWords] = useState<string[]>(() => confirmIndexes.map(() => ''));
  const confirm = useAction<'account:confirm-create'>();
  const submit = async (event: Event) => {
    event.preventDefault();
    await confirm.run({ type: 'account:confirm-create', words: words.map((word) => word.trim()) });
  };
  return (
    <form data-testid="confirm-form" onSubmit={submit}>
      <p>{t('confirmIntro')}</p>
      {confirmIndexes.map((wordIndex, position) => (
        <label key={wordIndex}>
          {t('confirmWordLabel', String(wordIndex + 1))}
          <input
            data-testid={`confirm-word-${wordIndex}`}
            data-word-index={wordIndex}
            autoComplete="off"
            spellcheck={false}
            value={words[position]}
            onInput={(event) => {
              const value = event.currentTarget.value;
              setWords((previous) => previous.map((word, index) => (index === position ? value : word)));
            }}
          />
        </label>
      ))}
      <div class="actions">
        <button type="submit" class="primary" data-testid="create-confirm" disabled={confirm.busy || words.some((word) => word.trim() === '')}>
          {t('confirmButton')}
        </button>
        <button type="button" data-testid="create-cancel" onClick={onCancel}>
          {t('cancelButton')}
        </button>
      </div>
      <ErrorText error={confirm.error} testId="create-confirm-error" />
    </form>
  );
}
