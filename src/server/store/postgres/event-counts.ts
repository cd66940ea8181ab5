import type pg from "pg";
import { compileEventCounts, type EventQuery } from "./compile-event-query";

export type EventCounts = { byOrganisation: ReadonlyMap<number, number>; total: number };

/** How many events match the query, per organisation and in all. */
export async function eventCounts(db: pg.Pool | pg.ClientBase, query: EventQuery): Promise<EventCounts> {
  const { rows } = await db.query<{ organisation_id: number; n: number }>(compileEventCounts(query));
  const byOrganisation = new Map(rows.map((row) => [row.organisation_id, row.n]));
  return { byOrganisation, total: rows.reduce((sum, row) => sum + row.n, 0) };
}
