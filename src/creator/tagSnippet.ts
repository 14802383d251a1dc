/** The meta tags a creator pastes into the `<head>` of the page that plays their stream (README, "For creators"). */
export interface TagTarget {
  streamId: string;
  /** Genesis hash of the chain the stream lives on: pins payment to that network. */
  genesisHash: string;
  /** The creator's SS58 address: the extension bills only if it is the stream's creator on chain. */
  creator: string;
}

export function tagSnippet({ streamId, genesisHash, creator }: TagTarget): string {
  return [
    `<meta name="vilokanam:stream" content="${streamId}">`,
    `<meta name="vilokanam:network" content="${genesisHash}">`,
    `<meta name="vilokanam:creator" content="${creator}">`,
  ].join('\n');
}
