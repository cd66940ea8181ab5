import type Database from "better-sqlite3";
import { containerEventTypeIds, severityIds, sourceIds } from "../../contract/catalogue";
import type { Container, NewContainerEvent } from "../../contract/container";
import type { StatementCache } from "./statement-cache";

const insertSql =
  "INSERT INTO events (timestamp, type_id, source_id, severity_id, alert, status, description, organisation_id, " +
  "user_id, container_id, org_rank) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, (SELECT name_rank FROM organisations WHERE id = ?))";

/** The description of a logged event that came without one. */
function defaultContainerEventDescription(container: Container, event: NewContainerEvent): string {
  return `${event.event_type} ${event.status} on container ${container.name} (${container.id})`;
}

/**
 * Stores a container event as the contract prescribes (source API, severity Info or Warn by status, no
 * alert, the caller as user). The insert trigger keeps the full-text index in step; the commit is durable
 * when this returns (`synchronous = FULL`).
 */
export function insertContainerEvent(
  db: Database.Database,
  statement: StatementCache,
  container: Container,
  userId: number,
  event: NewContainerEvent,
): number {
  const orgId = container.organisation.id;
  const run = db.transaction(() =>
    statement(insertSql).run(
      Date.parse(event.timestamp),
      containerEventTypeIds[event.event_type],
      sourceIds.api,
      event.status === "FAILURE" ? severityIds.warn : severityIds.info,
      event.status,
      event.description ?? defaultContainerEventDescription(container, event),
      orgId,
      userId,
      container.id,
      orgId,
    ),
  );
  return Number(run().lastInsertRowid);
}
