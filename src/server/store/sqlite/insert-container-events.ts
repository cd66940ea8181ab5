import type Database from "better-sqlite3";
import type { LoggedEvent } from "../logged-event";
import type { StatementCache } from "./statement-cache";

const insertSql =
  "INSERT INTO events (timestamp, type_id, source_id, severity_id, alert, status, description, organisation_id, " +
  "user_id, container_id, reason, client_ip, org_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT name_rank FROM organisations WHERE id = ?))";

/**
 * Stores the events in one transaction, all or none, and answers their ids in order. The insert trigger keeps
 * the full-text index in step; the commit is durable when this returns (`synchronous = FULL`).
 */
export function insertContainerEvents(
  db: Database.Database,
  statement: StatementCache,
  events: readonly LoggedEvent[],
): number[] {
  const insert = statement(insertSql);
  const run = db.transaction(() =>
    events.map((event) =>
      Number(
        insert.run(
          event.timestampMs,
          event.typeId,
          event.sourceId,
          event.severityId,
          Number(event.alert),
          event.status,
          event.description,
          event.organisationId,
          event.userId,
          event.containerId,
          event.reason,
          event.clientIp,
          event.organisationId,
        ).lastInsertRowid,
      ),
    ),
  );
  return run();
}
