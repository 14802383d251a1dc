// The e2e fixture (test/e2e/fixture.ts) as the benchmarks use it: a local chain, the demo sites and
// Chromium with the built extension and a funded viewer, always closed afterwards.
import { launchMeter, startEnvironment, type Environment, type EnvironmentOptions, type Meter, type MeterOptions } from '../../test/e2e/fixture.js';

export interface MeterSessionOptions {
  environment?: EnvironmentOptions;
  /** Origins to allow besides the demo creator site. */
  allowSites?: string[];
  meter?: Omit<MeterOptions, 'allowSites'>;
}

export async function withMeter<T>(options: MeterSessionOptions, use: (env: Environment, meter: Meter) => Promise<T>): Promise<T> {
  const env = await startEnvironment(options.environment);
  let meter: Meter | undefined;
  try {
    meter = await launchMeter(env, { ...options.meter, allowSites: [env.sites.creatorOrigin, ...(options.allowSites ?? [])] });
    return await use(env, meter);
  } finally {
    await meter?.close().catch(() => undefined);
    await env.close().catch(() => undefined);
  }
}

/** `TickStream.TickRecorded` of this viewer (and stream, when given) in a block's events. */
export function tickRecordedBy(viewer: string, stream?: string) {
  return (event: { section: string; method: string; fields: Record<string, string> }) =>
    event.section === 'tickStream' &&
    event.method === 'TickRecorded' &&
    event.fields.viewer === viewer &&
    (stream === undefined || event.fields.streamId === stream);
}
