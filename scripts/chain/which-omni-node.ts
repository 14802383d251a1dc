// `tsx scripts/chain/which-omni-node.ts` prints the polkadot-omni-node binary the scripts use, or says
// how to get one (exit 1). For shell scripts such as chain/benchmark.sh.
import { ChainStartError } from './engine.js';
import { findOmniNode } from './omniNode.js';

try {
  console.log(findOmniNode());
} catch (error) {
  console.error(error instanceof ChainStartError ? error.message : String(error));
  process.exit(1);
}
