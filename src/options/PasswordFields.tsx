import { MIN_PASSWORD_LENGTH, passwordRules } from '../shared/password';
import { t } from '../ui/i18n';

export interface NewPassword {
  password: string;
  repeat: string;
}

/** Whether a new password may be sent: every rule met. */
export const passwordReady = ({ password, repeat }: NewPassword): boolean => {
  const rules = passwordRules(password, repeat);
  return rules.length && rules.match;
};

/**
 * A new password typed twice, with its rules listed under the fields and ticked as the person types
 * (`prefix` names the fields' test ids: `<prefix>-password`, `<prefix>-password-repeat`).
 */
export function PasswordFields({ prefix, value, onChange }: { prefix: string; value: NewPassword; onChange: (value: NewPassword) => void }) {
  const rules = passwordRules(value.password, value.repeat);
  const shown = [
    { rule: 'length', met: rules.length, text: t('passwordRuleLength', String(MIN_PASSWORD_LENGTH)) },
    { rule: 'match', met: rules.match, text: t('passwordRuleMatch') },
  ];
  return (
    <>
      <label>
        {t('newPasswordLabel')}
        <input
          type="password"
          autoComplete="new-password"
          aria-describedby={`${prefix}-rules`}
          data-testid={`${prefix}-password`}
          value={value.password}
          onInput={(event) => onChange({ ...value, password: event.currentTarget.value })}
        />
      </label>
      <label>
        {t('repeatPasswordLabel')}
        <input
          type="password"
          autoComplete="new-password"
          aria-describedby={`${prefix}-rules`}
          data-testid={`${prefix}-password-repeat`}
          value={value.repeat}
          onInput={(event) => onChange({ ...value, repeat: event.currentTarget.value })}
        />
      </label>
      <ul class="rules" id={`${prefix}-rules`} aria-live="polite" data-testid="password-rules">
        {shown.map(({ rule, met, text }) => (
          <li key={rule} data-testid="password-rule" data-rule={rule} data-met={String(met)}>
            <span aria-hidden="true">{met ? '✓' : '○'}</span> {text} <span class="visually-hidden">{met ? t('passwordRuleMet') : t('passwordRuleNotMet')}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
