// Submits signed extrinsics and waits for their blocks, as a wallet would: returns the events each
// emitted, the fee it paid and, when dispatch failed, the error as `Section.Name`.
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { EventRecord } from '@polkadot/types/interfaces';

export interface Included {
  events: EventRecord[];
  fee: bigint;
  /** `Section.Name` of the dispatch error, or null when the call succeeded. */
  error: string | null;
}

type Extrinsic = SubmittableExtrinsic<'promise'>;

/**
 * Sends an already signed extrinsic. `accepted` resolves once the node has taken it into its pool;
 * `included` once it is in a block.
 */
export function send(api: ApiPromise, signed: Extrinsic): { accepted: Promise<unknown>; included: Promise<Included> } {
  const what = `${signed.method.section}.${signed.method.method} (nonce ${signed.nonce.toString()})`;
  let accepted!: Promise<unknown>;
  const included = new Promise<Included>((resolve, reject) => {
    accepted = signed.send((result) => {
      if (result.isError) reject(new Error(`${what} was ${result.status.type}`));
      // chopsticks announces inBlock and finalized 100 ms apart; @polkadot/api keeps only the last
      // notification that arrives before the subscription is registered, so either one counts.
      if (!result.status.isInBlock && !result.status.isFinalized) return;
      const feePaid = result.events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
      const fee = feePaid ? BigInt(feePaid.event.data[1].toString()) : 0n;
      let error: string | null = null;
      if (result.dispatchError?.isModule) {
        const meta = api.registry.findMetaError(result.dispatchError.asModule);
        // Metadata names pallets in PascalCase; the decorated section is camelCase.
        error = `${meta.section[0].toUpperCase()}${meta.section.slice(1)}.${meta.name}`;
      } else if (result.dispatchError) {
        error = result.dispatchError.toString();
      }
      resolve({ events: result.events, fee, error });
    });
    accepted.catch(reject);
  });
  return { accepted, included };
}

/** Signs with the account's next nonce and waits for the block. */
export async function submit(api: ApiPromise, signer: KeyringPair, tx: Extrinsic): Promise<Included> {
  return send(api, await tx.signAsync(signer, { nonce: -1 })).included;
}

/**
 * Signs several extrinsics with consecutive nonces and puts them all in flight at once, as the
 * extension does every second. Each is sent once the node has accepted the one before: a pool that
 * validates concurrently (chopsticks) could otherwise queue nonce n+1 before n and fail it.
 */
export async function submitPipelined(api: ApiPromise, signer: KeyringPair, txs: Extrinsic[]): Promise<Included[]> {
  const first = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  const inclusions: Promise<Included>[] = [];
  for (const [i, tx] of txs.entries()) {
    const { accepted, included } = send(api, await tx.signAsync(signer, { nonce: first + i }));
    inclusions.push(included);
    await accepted;
  }
  return Promise.all(inclusions);
}
