/** What a new account's password must be, checked by the worker and shown as rules while typing. */
export const MIN_PASSWORD_LENGTH = 8;

export interface PasswordRules {
  /** At least `MIN_PASSWORD_LENGTH` characters. */
  length: boolean;
  /** The repeated password is the same (and not empty). */
  match: boolean;
}

export function passwordRules(password: string, repeat: string): PasswordRules {
  return { length: password.length >= MIN_PASSWORD_LENGTH, match: password !== '' && password === repeat };
}
