/**
 * The only calls the worker ever signs, each with the argument names the Vilokanam runtime gives it
 * (docs/chain.md). Pallet and call as @polkadot/api names them from the metadata: `tickStream.recordTick`
 * is TickStream::record_tick.
 */
export const SIGNABLE_CALLS = {
  'tickStream.joinStream': ['stream_id'],
  'tickStream.recordTick': ['stream_id', 'ticks', 'max_rate_per_minute'],
  'streamRegistry.registerStream': ['title', 'description', 'category', 'pricing_model'],
  'streamRegistry.updateStreamStatus': ['stream_id', 'is_active'],
  'streamRegistry.updatePricing': ['stream_id', 'pricing_model'],
  'paymentHandler.withdrawEarnings': ['stream_id', 'amount'],
  'paymentHandler.subscribe': ['stream_id', 'max_price'],
} as const satisfies Record<string, readonly string[]>;

export type SignableCall = keyof typeof SIGNABLE_CALLS;

/** What the connected runtime's metadata says a call index is (`Registry.findMetaCall`). */
export interface CallMetadata {
  findMetaCall(callIndex: Uint8Array): { section: string; method: string; meta: { fields: { name: { toString(): string } }[] } };
}

/**
 * Checked before every signature: the call index in the bytes about to be signed names, in the
 * connected runtime's metadata, exactly the pallet and call the worker meant, with the arguments it
 * meant — and that call is one the worker signs at all. Anything else (a metadata that moved a transfer
 * to that index, a call built by mistake) throws, and nothing is signed.
 */
export function checkCall(metadata: CallMetadata, callIndex: Uint8Array, intended: SignableCall): void {
  const expectedFields: readonly string[] | undefined = (SIGNABLE_CALLS as Record<string, readonly string[]>)[intended];
  if (!expectedFields) throw new Error(`Refused to sign: ${String(intended)} is not a call this extension signs.`);
  let found: ReturnType<CallMetadata['findMetaCall']>;
  try {
    found = metadata.findMetaCall(callIndex);
  } catch {
    throw new Error(`Refused to sign ${intended}: the node's metadata does not describe call index 0x${[...callIndex].map((byte) => byte.toString(16).padStart(2, '0')).join('')}.`);
  }
  const name = `${found.section}.${found.method}`;
  if (name !== intended) throw new Error(`Refused to sign: the node's metadata makes this call ${name}, not ${intended}.`);
  const fields = found.meta.fields.map((field) => field.name.toString());
  if (fields.join(',') !== expectedFields.join(','))
    throw new Error(`Refused to sign ${intended}: the node's metadata gives it the arguments (${fields.join(', ')}), not (${expectedFields.join(', ')}).`);
}
