import type pg from "pg";
import { compileDayCounts, type EventQuery, type PageWindow } from "./compile-event-query";
import { dayMs } from "../tally-spans";

/** Below this many rows to skip, OFFSET alone costs less than asking the tallies. */
const narrowFromOffset = 1000;

/**
 * A page deep in a list ordered by time first: the whole days before its first row, counted from the
 * tallies, are left out by a time bound instead of skipped row by row, so the OFFSET passes over one day's
 * events at most. Answers the query and page to read: narrowed so when the tallies can count the query.
 */
export async function dayNarrowedPage(
  pool: pg.Pool,
  query: EventQuery,
  page: PageWindow,
): Promise<{ query: EventQuery; page: PageWindow }> {
  const [first] = query.sort;
  if (first?.field !== "timestamp" || page.offset < narrowFromOffset) return { query, page };
  const counted = compileDayCounts(query);
  if (!counted) return { query, page };
  const days = (await pool.query<{ day: number; n: number }>(counted)).rows;
  const newestFirst = first.desc !== page.fromEnd;
  if (newestFirst) days.reverse();
  let skipped = 0;
  for (const { day, n } of days) {
    if (skipped + n > page.offset) {
      const range = newestFirst
        ? { from: Number.MIN_SAFE_INTEGER, until: (day + 1) * dayMs - 1 }
        : { from: day * dayMs, until: Number.MAX_SAFE_INTEGER };
      return {
        query: { ...query, terms: [...query.terms, { kind: "time", ranges: [range] }] },
        page: { ...page, offset: page.offset - skipped },
      };
    }
    skipped += n;
  }
  return { query, page };
}
