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

export type TagParseResult = { ok: true; tag: StreamTag } | { ok: false; problem: TagProblem };

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

export function parseTag(raw: RawTag): TagParseResult {
  const refused = (problem: TagProblem): TagParseResult => ({ ok: false, problem });
  const stream = single(raw.stream);
  if (stream === null) return refused('missing-stream');
  if (stream === undefined) return refused('conflicting-stream');
  if (!isU128(stream)) return refused('malformed-stream');

  const network = single(raw.network);
  if (network === undefined) return refused('conflicting-network');
  if (network !== null && !GENESIS_HASH.test(network)) return refused('malformed-network');

  const creator = single(raw.creator);
  if (creator === undefined) return refused('conflicting-creator');
  if (creator !== null && !BASE58.test(creator)) return refused('malformed-creator');

  return { ok: true, tag: { streamId: stream, network: network?.toLowerCase() ?? null, creator } };
}
