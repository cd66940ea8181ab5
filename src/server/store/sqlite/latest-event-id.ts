import type { StatementCache } from "./statement-cache";

/**
 * The largest event id (0 when there is none): the last entry of the rowid tree, so it costs the same however
 * many events there are. One connection writes, and it commits its transactions in the order it runs them,
 * so ids become visible in increasing order.
 */
export const latestEventId = (statement: StatementCache): number =>
  statement("SELECT coalesce(max(id), 0) FROM events").pluck().get() as number;
