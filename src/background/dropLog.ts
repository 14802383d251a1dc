/**
 * Stored data the worker will not trust (corrupt, from another version, or outside the rules) is dropped,
 * never used: this says what was dropped and why, in the worker's console.
 */
export function logDropped(what: string, reason: string): void {
  console.warn(`Vilokanam: dropped stored ${what}: ${reason}`);
}
