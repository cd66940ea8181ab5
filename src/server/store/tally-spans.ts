export const dayMs = 24 * 60 * 60 * 1000;
export const hourMs = 60 * 60 * 1000;

/** A tally table's unit of time: its rows count the events of whole UTC multiples of `ms`. */
export type TallyGrain = { ms: number };

/**
 * A tally table by time, on either store: `column` holds the UTC unit of `ms` its rows count, as units since the
 * epoch; the insert trigger `trigger` keeps it.
 */
export type TimeTallyTable = TallyGrain & { table: string; column: "day" | "hour"; trigger: string };

/** A piece of a time range (ms, both ends included): whole units of `grain`, or, without one, events to count. */
export type TallySpan<G extends TallyGrain> = { from: number; until: number; grain?: G };

/**
 * Splits `from`…`until` into the coarsest whole units the grains give (coarsest first, each a multiple of the
 * next) and what is left at either end, counted on the events: a range of days is a few day rows, two partial
 * days of hour rows, and two partial hours of events, however long the range.
 */
export function tallySpans<G extends TallyGrain>(
  from: number,
  until: number,
  grains: readonly G[],
): TallySpan<G>[] {
  if (from > until) return [];
  const [grain, ...finer] = grains;
  if (grain === undefined) return [{ from, until }];
  const firstWhole = Math.ceil(from / grain.ms);
  const lastWhole = Math.floor((until + 1) / grain.ms) - 1;
  if (firstWhole > lastWhole) return tallySpans(from, until, finer);
  const start = firstWhole * grain.ms;
  const end = (lastWhole + 1) * grain.ms - 1;
  return [
    ...tallySpans(from, start - 1, finer),
    { from: start, until: end, grain },
    ...tallySpans(end + 1, until, finer),
  ];
}
