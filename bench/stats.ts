export type LatencySummary = { n: number; p50: number; p99: number; max: number; rps: number };

/** Nearest-rank percentile of ascending samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN;
}

/** p50/p99/max in milliseconds and throughput over the wall time the samples took. */
export function summarise(samplesMs: readonly number[], wallMs: number): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    rps: wallMs > 0 ? (sorted.length * 1000) / wallMs : NaN,
  };
}

export type SampleLimits = {
  maxRuns: number;
  seconds: number;
  minRuns?: number;
  warmup?: number;
  /** Untimed preparation before each timed call (and left out of the throughput). */
  before?: () => unknown;
};

/**
 * Calls `run` repeatedly, one at a time, after a short warm-up: at most `maxRuns` times, stopping after
 * `seconds` once `minRuns` samples exist. Answers the calls' durations and their throughput.
 */
export async function sampleSequentially(run: () => unknown, limits: SampleLimits): Promise<LatencySummary> {
  const minRuns = limits.minRuns ?? 5;
  for (let i = 0; i < (limits.warmup ?? 3); i++) await run();
  const samples: number[] = [];
  const deadline = performance.now() + limits.seconds * 1000;
  let busy = 0;
  while (samples.length < limits.maxRuns) {
    await limits.before?.();
    const t0 = performance.now();
    await run();
    const t1 = performance.now();
    samples.push(t1 - t0);
    busy += t1 - t0;
    if (t1 >= deadline && samples.length >= minRuns) break;
  }
  return summarise(samples, busy);
}
