// Figure 3 — cost per watched minute: extrinsics and network fees per minute against the price.
import { watchUrl } from '../test/e2e/billing.js';
import { DEMO_STREAM, UNIT } from '../test/e2e/chainState.js';
import { Player } from '../test/e2e/player.js';
import { BlockWatcher, type WatchedBlock } from './lib/blockWatcher.js';
import type { Figure, RunOutcome } from './lib/figure.js';
import { withMeter } from './lib/meterSession.js';
import { sleep } from '../test/e2e/sleep.js';
import type { Summary } from './lib/stats.js';

const PLAY_SECONDS = 60;
const FEE_SHARE_TARGET_PERCENT = 1;

const vil = (planck: bigint) => Number(planck) / Number(UNIT);

export const costPerMinute: Figure = {
  id: 'cost-per-minute',
  number: 3,
  title: 'Cost per watched minute',
  method: [
    "The extension meters stream 1 of the dev preset at its default pricing (0.1 VIL per minute, read from `StreamRegistry.Terms`) for 60 s at the settlement interval the quiet chain publishes (1 s) on the local chain. From the blocks (the bench's own new-head subscription) it takes every extrinsic of the viewer: the `ViewerJoined` one (paid once per session) and the `record_tick` ones (`TickRecorded`), with the fee each paid (`TransactionPayment.TransactionFeePaid`, `actualFee`).",
    'Per watched minute (a minute = 60 seconds recorded on chain): `record_tick` extrinsics, their network fees and the amount paid to the creator; the fee share is fees ÷ price. The join is shown separately: it is paid once per stream and session, not per minute.',
  ],
  metrics: () => [
    { key: 'feeShare', label: 'network fees ÷ price, per watched minute', unit: '%', decimals: 3, target: { text: `≤ ${FEE_SHARE_TARGET_PERCENT} %`, met: (value) => value <= FEE_SHARE_TARGET_PERCENT } },
    { key: 'extrinsicsPerMinute', label: 'record_tick extrinsics per watched minute', unit: '', decimals: 1 },
    { key: 'feesPerMinute', label: 'network fees per watched minute', unit: 'VIL', decimals: 8 },
    { key: 'paidPerMinute', label: 'paid to the creator per watched minute', unit: 'VIL', decimals: 6 },
    { key: 'pricePerMinute', label: 'price per minute (stream 1)', unit: 'VIL', decimals: 6 },
    { key: 'feePerExtrinsic', label: 'fee of one record_tick', unit: 'VIL', decimals: 10 },
    { key: 'joinFee', label: 'fee of join_stream (once per session)', unit: 'VIL', decimals: 10 },
    { key: 'watchedSeconds', label: 'seconds recorded on chain', unit: 's', decimals: 0 },
  ],
  async run(context): Promise<RunOutcome> {
    return withMeter({}, async (env, meter) => {
      const api = env.state.api;
      const viewer = meter.viewer.address;
      const terms = (await api.query.streamRegistry.terms(DEMO_STREAM)) as unknown as {
        unwrap(): { pricingModel: { baseRatePerMinute: { toBigInt(): bigint } } };
      };
      const pricePerMinute = terms.unwrap().pricingModel.baseRatePerMinute.toBigInt();
      const blocks = await BlockWatcher.start(api);
      try {
        const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream: DEMO_STREAM }));
        const player = new Player(page);
        await player.play();
        await sleep(context.duration(PLAY_SECONDS, 15) * 1000);
        await player.pause();
        await meter.waitUntilNothingPending(DEMO_STREAM);
        await sleep(500);
        await blocks.settled();
        const books = viewerBooks(blocks.blocks, viewer);
        if (books.tickCalls === 0) throw new Error('no record_tick of the viewer reached a block');
        const minutes = books.ticks / 60;
        const feesPerMinute = vil(books.tickFees) / minutes;
        return {
          metrics: {
            feeShare: (feesPerMinute / vil(pricePerMinute)) * 100,
            extrinsicsPerMinute: books.tickCalls / minutes,
            feesPerMinute,
            paidPerMinute: vil(books.paid) / minutes,
            pricePerMinute: vil(pricePerMinute),
            feePerExtrinsic: vil(books.tickFees) / books.tickCalls,
            joinFee: vil(books.joinFee),
            watchedSeconds: books.ticks,
          },
          details: { ...Object.fromEntries(Object.entries(books).map(([key, value]) => [key, value.toString()])) },
        };
      } finally {
        blocks.stop();
      }
    });
  },
  discuss(summaries: Record<string, Summary | null>): string[] {
    const share = summaries.feeShare?.median;
    const perExtrinsic = summaries.extrinsicsPerMinute?.median;
    if (share === undefined || perExtrinsic === undefined) return [];
    if (share <= FEE_SHARE_TARGET_PERCENT) {
      return [
        `One extrinsic per watched second costs ${share.toFixed(3)} % of the price in network fees: ${(FEE_SHARE_TARGET_PERCENT / share).toFixed(0)}× under the 1 % target.`,
      ];
    }
    const seconds = Math.ceil(share / FEE_SHARE_TARGET_PERCENT);
    return [
      `One extrinsic per watched second costs ${share.toFixed(3)} % of the price in network fees, above the 1 % target.`,
      `A record_tick's fee does not depend on its tick count, so sending one every ${seconds} s (ticks = ${seconds}, allowed up to MaxTicksPerCall = 3600) brings the fees to about ${(share / seconds).toFixed(3)} % of the price.`,
    ];
  },
};

interface ViewerBooks {
  ticks: number;
  tickCalls: number;
  tickFees: bigint;
  paid: bigint;
  joinFee: bigint;
}

/** The viewer's extrinsics in `blocks`, told apart by the events each emitted. */
function viewerBooks(blocks: readonly WatchedBlock[], viewer: string): ViewerBooks {
  const books: ViewerBooks = { ticks: 0, tickCalls: 0, tickFees: 0n, paid: 0n, joinFee: 0n };
  for (const block of blocks) {
    const byExtrinsic = new Map<number, WatchedBlock['events']>();
    for (const event of block.events) {
      if (event.extrinsic === null) continue;
      byExtrinsic.set(event.extrinsic, [...(byExtrinsic.get(event.extrinsic) ?? []), event]);
    }
    for (const events of byExtrinsic.values()) {
      const fee = events.find((event) => event.section === 'transactionPayment' && event.method === 'TransactionFeePaid' && event.fields.who === viewer);
      if (!fee) continue;
      const actualFee = BigInt(fee.fields.actualFee);
      const tick = events.find((event) => event.section === 'tickStream' && event.method === 'TickRecorded');
      if (tick) {
        books.ticks += Number(tick.fields.ticks);
        books.tickCalls += 1;
        books.tickFees += actualFee;
        books.paid += BigInt(tick.fields.amount);
      } else if (events.some((event) => event.section === 'tickStream' && event.method === 'ViewerJoined')) {
        books.joinFee += actualFee;
      }
    }
  }
  return books;
}
