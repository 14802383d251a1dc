// From a record_tick's submission and inclusion times to the latency of each watched second it carries.

/**
 * The worker's ticker fires just after each whole second and counts the second that just ended, so the
 * last second a call carries ended at the whole second at or before its submission, and the one before it
 * a second earlier, and so on. Returns end of second → inclusion, ms, one per second (oldest last).
 */
export function secondLatencies(submittedAt: number, ticks: number, includedAt: number): number[] {
  if (!Number.isInteger(ticks) || ticks < 1) throw new Error(`a record_tick carries at least one second, not ${ticks}`);
  const lastSecondEnd = Math.floor(submittedAt / 1000) * 1000;
  return Array.from({ length: ticks }, (_, k) => includedAt - (lastSecondEnd - k * 1000));
}

/** How long after the end of its last second a call left the worker, ms. */
export const submissionDelay = (submittedAt: number) => submittedAt - Math.floor(submittedAt / 1000) * 1000;
