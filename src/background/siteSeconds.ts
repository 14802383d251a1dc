import type { SessionRecord } from './meterState';

/** Seconds of a stream by the top-level site they were watched on (site → seconds). */
export type SiteSeconds = Record<string, number>;

export const secondsIn = (sites: SiteSeconds) => Object.values(sites).reduce((sum, seconds) => sum + seconds, 0);

/** Adds `seconds` watched on `site`. */
export function addSeconds(into: SiteSeconds, site: string, seconds: number): void {
  if (seconds > 0) into[site] = (into[site] ?? 0) + seconds;
}

export function addAll(into: SiteSeconds, from: SiteSeconds): void {
  for (const [site, seconds] of Object.entries(from)) addSeconds(into, site, seconds);
}

/** Takes up to `count` seconds out of `from`, oldest site first. */
export function take(from: SiteSeconds, count: number): SiteSeconds {
  const taken: SiteSeconds = {};
  for (const [site, seconds] of Object.entries(from)) {
    const n = Math.min(seconds, count - secondsIn(taken));
    if (n <= 0) break;
    addSeconds(taken, site, n);
    if (n === seconds) delete from[site];
    else from[site] = seconds - n;
  }
  return taken;
}

/**
 * Takes `count` of the session's held seconds, with the sites they were watched on. Held seconds of no
 * recorded site (journals written before sites were) count for the site the session started on.
 */
export function takeHeld(session: SessionRecord, count: number): SiteSeconds {
  const taken = take((session.heldSites ??= {}), count);
  addSeconds(taken, session.site, count - secondsIn(taken));
  session.held -= count;
  return taken;
}

/** Gives seconds back to the session's held ones (a call that was not included). */
export function giveBack(session: SessionRecord, sites: SiteSeconds, count: number): void {
  addAll((session.heldSites ??= {}), sites);
  session.held += count;
}

/** `total` shared among the sites in proportion to their seconds, the rounding remainder to the last; all to the first when no seconds. */
export function shareBySeconds(total: bigint, sites: SiteSeconds): [string, bigint][] {
  const entries = Object.entries(sites);
  const all = BigInt(secondsIn(sites));
  if (all === 0n) return entries.slice(0, 1).map(([site]) => [site, total]);
  let left = total;
  return entries.map(([site, seconds], index) => {
    const share = index === entries.length - 1 ? left : (total * BigInt(seconds)) / all;
    left -= share;
    return [site, share];
  });
}
