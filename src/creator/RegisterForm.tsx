import { useState } from 'preact/hooks';
import type { ChainCallResult, CreatorCall } from '../shared/messages';
import { MAX_CATEGORY_BYTES, MAX_DESCRIPTION_BYTES, MAX_TITLE_BYTES } from '../shared/streamDetails';
import { ErrorText, Section } from '../ui/components';
import type { Token } from '../ui/format';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';
import { CallResultText, FeeLine } from './CallParts';
import { Field } from './Fields';
import { PricingFields } from './PricingFields';
import { EMPTY_STREAM_TEXTS, readStreamForm, type StreamTexts } from './streamForm';
import { TagSnippetBox } from './TagSnippetBox';
import { useFeeEstimate } from './useFeeEstimate';

interface Registered {
  result: ChainCallResult;
  title: string;
}

/** Registers a stream: checked like the chain checks it, with the network fee shown before signing. */
export function RegisterForm({ token, period, genesisHash, creator }: { token: Token; period: string; genesisHash: string; creator: string }) {
  const [texts, setTexts] = useState<StreamTexts>(EMPTY_STREAM_TEXTS);
  const [showErrors, setShowErrors] = useState(false);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const submit = useAction<'creator:submit'>();
  const form = readStreamForm(texts, token.decimals);
  const call: CreatorCall | null = form.ok ? { call: 'register', details: form.value } : null;
  const fee = useFeeEstimate(call);
  const errors = showErrors && !form.ok ? form.errors : {};
  const set = (patch: Partial<StreamTexts>) => setTexts((previous) => ({ ...previous, ...patch }));

  const register = async (event: Event) => {
    event.preventDefault();
    setShowErrors(true);
    if (!call) return;
    setRegistered(null);
    const reply = await submit.run({ type: 'creator:submit', call });
    if (!reply) return;
    setRegistered({ result: reply.data, title: form.ok ? form.value.title : '' });
    if (reply.data.status === 'included') {
      setTexts(EMPTY_STREAM_TEXTS);
      setShowErrors(false);
    }
  };

  const newStream = registered?.result.status === 'included' ? registered.result.streamId : null;
  return (
    <Section title={t('creatorRegisterHeading')} testId="register-section">
      <form data-testid="register-form" onSubmit={register} noValidate>
        <Field label={t('creatorTitleLabel')} testId="register-title" maxBytes={MAX_TITLE_BYTES} value={texts.title} onInput={(title) => set({ title })} error={errors.title} />
        <Field
          label={t('creatorDescriptionLabel')}
          testId="register-description"
          maxBytes={MAX_DESCRIPTION_BYTES}
          multiline
          value={texts.description}
          onInput={(description) => set({ description })}
          error={errors.description}
        />
        <Field
          label={t('creatorCategoryLabel')}
          testId="register-category"
          maxBytes={MAX_CATEGORY_BYTES}
          value={texts.category}
          onInput={(category) => set({ category })}
          error={errors.category}
        />
        <PricingFields texts={texts} onChange={(pricing) => set(pricing)} errors={errors} token={token} period={period} prefix="register" />
        {call ? <FeeLine estimate={fee} token={token} testId="register-fee" /> : <p class="fee">{t('creatorFeeAfterForm')}</p>}
        <button type="submit" class="primary" data-testid="register-submit" disabled={submit.busy}>
          {submit.busy ? t('creatorSigning') : t('creatorRegisterButton')}
        </button>
        <ErrorText error={submit.error} testId="register-error" />
      </form>
      {registered && (
        <div data-testid="register-result" data-stream-id={newStream ?? ''}>
          <CallResultText result={registered.result} token={token} testId="register-outcome" done={t('creatorRegistered', registered.title, newStream ?? '?')} />
          {newStream && <TagSnippetBox target={{ streamId: newStream, genesisHash, creator }} />}
        </div>
      )}
    </Section>
  );
}
