import type Database from "better-sqlite3";
import type { BlockingChange } from "../event-store";
import type { LoggedEvent } from "../logged-event";
import type { ContainerQueries } from "./container-queries";
import { insertContainerEvents } from "./insert-container-events";
import type { StatementCache } from "./statement-cache";

type BlockingRequest = {
  orgIds: readonly number[];
  containerId: string;
  blocked: boolean;
  event: LoggedEvent;
};

/**
 * Reads the container, changes its state and inserts its BLOCK event on the writing connection, so run as
 * one write of the grouped writer no other write comes between the read and the update.
 */
export function setContainerBlocked(
  db: Database.Database,
  statement: StatementCache,
  containers: ContainerQueries,
  { orgIds, containerId, blocked, event }: BlockingRequest,
): BlockingChange | "unchanged" | undefined {
  const container = containers.find(orgIds, containerId);
  if (!container) return undefined;
  if (container.blocked === blocked) return "unchanged";
  statement("UPDATE containers SET blocked = ? WHERE id = ?").run(Number(blocked), container.id);
  const [eventId] = insertContainerEvents(db, statement, [event]);
  if (eventId === undefined) throw new Error("The BLOCK event was not stored.");
  return { container: { ...container, blocked }, eventId };
}
