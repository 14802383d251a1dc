import type { NetworkState } from '../shared/messages';
import type { Token } from './format';

/** Plain planck until the chain has told us its token (symbol and decimals are never assumed). */
const PLANCK: Token = { decimals: 0, symbol: 'planck' };

export function tokenOf(network: NetworkState): Token {
  if (network.tokenSymbol === null || network.tokenDecimals === null) return PLANCK;
  return { decimals: network.tokenDecimals, symbol: network.tokenSymbol };
}
