/** Waits `ms` of wall-clock time (the e2e tests and the benchmarks run against a real chain and browser). */
export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
