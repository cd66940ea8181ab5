import type pg from "pg";
import { toContainer, type ContainerRow } from "../container-row";
import type { EventStore } from "../event-store";
import { containerColumns, containerFrom } from "./container-queries";
import { inTransaction } from "./in-transaction";
import { insertEventsInOrder } from "./insert-container-events";

/**
 * One transaction: the container's row locked (`FOR UPDATE`, so a concurrent change of the same container
 * waits and then reads this one's outcome), checked, updated, and its BLOCK event inserted the way every event
 * is, under the id-order lock. Events carry no foreign key to containers, so holding the row lock while
 * waiting for the id-order lock cannot deadlock with an insert.
 */
export function setContainerBlocked(pool: pg.Pool): EventStore["setContainerBlocked"] {
  return async (orgIds, containerId, blocked, event) => {
    if (orgIds.length === 0 || containerId.includes("\0")) return undefined;
    return inTransaction(pool, async (client) => {
      const found = await client.query<ContainerRow>(
        `SELECT ${containerColumns} FROM ${containerFrom} ` +
          "WHERE c.id = $1 AND c.organisation_id = ANY($2::int[]) FOR UPDATE OF c",
        [containerId, orgIds],
      );
      const row = found.rows[0];
      if (!row) return undefined;
      const container = toContainer(row);
      if (container.blocked === blocked) return "unchanged";
      await client.query("UPDATE containers SET blocked = $1 WHERE id = $2", [blocked, container.id]);
      const [eventId] = await insertEventsInOrder(client, [event]);
      if (eventId === undefined) throw new Error("The BLOCK event was not stored.");
      return { container: { ...container, blocked }, eventId };
    });
  };
}
