import type { Event } from "../../../contract/event";
import { toEvent, type EventListRow } from "../event-list-row";
import { lookupJoins } from "../event-lookup-joins";
import { listColumns } from "./event-projection";
import type { StatementCache } from "./statement-cache";

const byIdSql = `SELECT ${listColumns} FROM events e${lookupJoins} LEFT JOIN containers c ON c.id = e.container_id WHERE e.id = ?`;

/** The event with this id, when one of the organisations holds it. */
export function findEvent(
  statement: StatementCache,
  orgIds: readonly number[],
  eventId: number,
): Event | undefined {
  const row = statement(byIdSql).get(eventId) as EventListRow | undefined;
  return row && orgIds.includes(row.organisation_id) ? toEvent(row) : undefined;
}
