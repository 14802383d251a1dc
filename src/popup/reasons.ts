import type { NotBillingCode } from '../shared/messages';

/** What the person can do about a reason, as a button beside its sentence. */
export type ReasonAction = 'receive' | 'retry' | 'open-budgets' | 'open-network' | 'unblock-site' | 'ask-again' | 'resume-metering';

/** The actions that fix each reason (`retry` needs the stopped session; the consent prompt and unlock form are shown anyway). */
export const REASON_ACTIONS: Record<NotBillingCode, ReasonAction[]> = {
  'no-tag': [],
  'not-playing': [],
  'tag-malformed': [],
  'tag-conflict': [],
  'wrong-network': ['open-network'],
  'creator-mismatch': [],
  'stream-unknown': [],
  'stream-inactive': [],
  'stream-lookup-failed': [],
  'site-blocked': ['unblock-site'],
  'site-unknown': [],
  'no-interaction': [],
  'not-perceivable': [],
  'consent-needed': [],
  'consent-declined': ['ask-again'],
  paused: ['resume-metering'],
  locked: [],
  'no-account': [],
  'chain-unreachable': ['open-network'],
  'insufficient-funds': ['receive', 'retry'],
  'rate-changed': ['retry'],
  'budget-session': ['open-budgets', 'retry'],
  'budget-day': ['open-budgets', 'retry'],
  'budget-global': ['open-budgets', 'retry'],
  'chain-error': ['retry'],
};

/** Reasons that say the page itself carries no valid stream: there is no site to allow or block. */
export const NO_VALID_STREAM: ReadonlySet<NotBillingCode> = new Set(['no-tag', 'tag-malformed', 'tag-conflict', 'wrong-network', 'creator-mismatch', 'stream-unknown']);

/** The label key of the retry button: what pressing it does after this reason. */
export function retryLabelKey(code: NotBillingCode): string {
  if (code === 'rate-changed') return 'reasonActionReviewRate';
  if (code === 'insufficient-funds' || code.startsWith('budget-')) return 'reasonActionResume';
  return 'reasonActionTryAgain';
}
