import type { Budgets, SpendState } from '../shared/messages';

export interface BudgetLeft {
  /** Which cap is the tightest now. */
  cap: 'perDay' | 'global' | 'perSession';
  /** planck still to spend under it (payments and fees), never below 0. */
  left: bigint;
}

/**
 * What a new session may still spend before a budget stops it: the least of what is left of today's and
 * the total budget (payments and fees so far counted) and the per-session cap. Null when there is no cap.
 */
export function budgetLeft(budgets: Budgets, spend: SpendState): BudgetLeft | null {
  const spentToday = BigInt(spend.today.amount) + BigInt(spend.today.fees);
  const spentAllTime = BigInt(spend.allTime.amount) + BigInt(spend.allTime.fees);
  const candidates: BudgetLeft[] = [];
  const remaining = (cap: string, spent: bigint) => (BigInt(cap) > spent ? BigInt(cap) - spent : 0n);
  if (budgets.perDay !== null) candidates.push({ cap: 'perDay', left: remaining(budgets.perDay, spentToday) });
  if (budgets.global !== null) candidates.push({ cap: 'global', left: remaining(budgets.global, spentAllTime) });
  if (budgets.perSession !== null) candidates.push({ cap: 'perSession', left: BigInt(budgets.perSession) });
  return candidates.reduce<BudgetLeft | null>((least, next) => (least === null || next.left < least.left ? next : least), null);
}
