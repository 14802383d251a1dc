import type { DispatchError } from '@polkadot/types/interfaces';
import type { Registry } from '@polkadot/types/types';
import type { TxOutcome } from './chainTypes';
import { t } from '../shared/i18n';

/** `Section.Name` of a dispatch error, e.g. `TickStream.RateAboveLimit` or `Token.FundsUnavailable`. */
export function dispatchErrorName(registry: Registry, error: DispatchError): string {
  if (error.isModule) {
    const { section, name } = registry.findMetaError(error.asModule);
    return `${section.charAt(0).toUpperCase()}${section.slice(1)}.${name}`;
  }
  if (error.isToken) return `Token.${error.asToken.type}`;
  if (error.isArithmetic) return `Arithmetic.${error.asArithmetic.type}`;
  if (error.isTransactional) return `Transactional.${error.asTransactional.type}`;
  return error.type;
}

const JSON_RPC_ERROR = /^(-?\d+):/;

/**
 * What a failed submit means. The node answers JSON-RPC errors such as `1010: Invalid Transaction:
 * Inability to pay some fees`, `1010: … Transaction is outdated` (stale nonce), `… will be valid in the
 * future`, `1014: Priority is too low` or `1012: … temporarily banned`; chopsticks sends the validity
 * error as JSON (`{"invalid":{"payment":null}}`). None of them was included, so the nonce is free again.
 * Anything else (the socket closed mid-call) may or may not have reached the pool.
 */
export function classifyPoolRejection(message: string): TxOutcome {
  const code = JSON_RPC_ERROR.exec(message)?.[1];
  if (code === undefined) return { kind: 'unknown', error: message };
  if (code === '1013') return { kind: 'unknown', error: message }; // already imported: it is in the pool
  const text = message.toLowerCase();
  // The runtime checks the signature over the metadata hash too (CheckMetadataHash): a node that served
  // other metadata than the chain runs makes every signature bad.
  if (/badproof|bad signature/.test(text)) return { kind: 'rejected', error: t('errorSignatureRefused', message), retryable: false, insufficientFunds: false };
  const insufficientFunds = /payment|inability to pay|balance too low/.test(text);
  const retryable = !insufficientFunds && (['1010', '1012', '1014'].includes(code) ? /stale|outdated|future|priority|banned|exhausted|1014|1012/.test(`${text} ${code}`) : false);
  return { kind: 'rejected', error: message, retryable, insufficientFunds };
}
