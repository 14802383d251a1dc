/*
 * Strict parser for the creator's tag:
 *   <meta name="vilokanam:stream" content="42">          required, a u128 in plain decimal
 *   <meta name="vilokanam:network" content="0x…64 hex">  optional, the chain's genesis hash
 *   <meta name="vilokanam:creator" content="5Grw…">      optional, an SS58 address
 * Identical repeated values count once; differing ones are a conflict. Anything malformed is never billed.
 * The SS58 checksum of `creator` is verified by the worker (it has the crypto); here only its alphabet.
 */
import type { RawTag } from './messages';

export interface StreamTag {
  /** Canonical decimal (no sign, no leading zeros). */
  streamId: string;
  /** Lower-case 0x-prefixed genesis hash, or null when the tag does not pin a network. */
  network: string | null;
  creator: string | null;
}

export type TagProblem =
  | 'missing-stream'
  | 'malformed-stream'
  | 'conflicting-stream'
  | 'malformed-network'
  | 'conflicting-network'
  | 'malformed-creator'
  | 'conflicting-creator';

export type TagParseResult = { ok: true; tag: StreamTag } | { ok: false; problem: TagProblem; message: string };

const U128_MAX = '340282366920938463463374607431768211455';
const DECIMAL = /^(0|[1-9][0-9]*)$/;
const GENESIS_HASH = /^0x[0-9a-fA-F]{64}$/;
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]{3,64}$/;

function isU128(value: string): boolean {
  if (!DECIMAL.test(value)) return false;
  return value.length < U128_MAX.length || (value.length === U128_MAX.length && value <= U128_MAX);
}

/** null: none given; undefined: differing values. */
function single(values: string[]): string | null | undefined {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) return null;
  return distinct.length === 1 ? distinct[0] : undefined;
}

const quote = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

export function parseTag(raw: RawTag): TagParseResult {
  const stream = single(raw.stream);
  if (stream === null) return { ok: false, problem: 'missing-stream', message: 'The page has Vilokanam tags but no vilokanam:stream.' };
  if (stream === undefined)
    return { ok: false, problem: 'conflicting-stream', message: `The page names several streams: ${raw.stream.map(quote).join(', ')}.` };
  if (!isU128(stream))
    return { ok: false, problem: 'malformed-stream', message: `vilokanam:stream ${quote(stream)} is not a stream number.` };

  const network = single(raw.network);
  if (network === undefined)
    return { ok: false, problem: 'conflicting-network', message: 'The page pins several different networks.' };
  if (network !== null && !GENESIS_HASH.test(network))
    return { ok: false, problem: 'malformed-network', message: `vilokanam:network ${quote(network)} is not a genesis hash (0x + 64 hex digits).` };

  const creator = single(raw.creator);
  if (creator === undefined)
    return { ok: false, problem: 'conflicting-creator', message: 'The page names several different creators.' };
  if (creator !== null && !BASE58.test(creator))
    return { ok: false, problem: 'malformed-creator', message: `vilokanam:creator ${quote(creator)} is not an SS58 address.` };

  return { ok: true, tag: { streamId: stream, network: network?.toLowerCase() ?? null, creator } };
}
