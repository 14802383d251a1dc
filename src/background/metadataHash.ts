import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { compactFromU8a, u8aToHex } from '@polkadot/util';

/** RFC-78 hashes metadata V15: `Metadata_metadata_at_version(15)`. */
export const METADATA_HASH_VERSION = 15;

/** The SCALE argument of `Metadata_metadata_at_version`: the version as a u32. */
export const METADATA_VERSION_ARG = u8aToHex(new Uint8Array(new Uint32Array([METADATA_HASH_VERSION]).buffer));

export interface ChainToken {
  symbol: string;
  decimals: number;
}

/**
 * The metadata hash of RFC-78 (`CheckMetadataHash`): the root of the merkleized metadata V15 with the
 * chain's token symbol and decimals. The runtime compiles in the hash of its own metadata, so a signature
 * made with the hash of any other metadata — a node that lied about it — is refused.
 */
export function metadataHashOf(metadataV15: Uint8Array, token: ChainToken): `0x${string}` {
  return u8aToHex(merkleizeMetadata(metadataV15, { decimals: token.decimals, tokenSymbol: token.symbol }).digest());
}

/** The metadata bytes in `Metadata_metadata_at_version`'s answer (SCALE `Option<OpaqueMetadata>`), null for None. */
export function opaqueMetadataOf(answer: Uint8Array): Uint8Array | null {
  if (answer[0] === 0) return null;
  if (answer[0] !== 1) throw new Error('The node answered Metadata_metadata_at_version with no SCALE Option.');
  const [offset, length] = compactFromU8a(answer.subarray(1));
  const start = 1 + offset;
  const end = start + length.toNumber();
  if (end !== answer.length) throw new Error('The node answered Metadata_metadata_at_version with a truncated metadata.');
  return answer.subarray(start, end);
}
