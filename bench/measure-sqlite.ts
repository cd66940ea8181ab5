import { randomUUID } from "node:crypto";
import type { ContainerEventView } from "../src/contract/api-paths";
import { eventList, parseListParams } from "../src/contract/list-params";
import { orgReach } from "../src/server/auth/org-reach";
import type { EventScope, EventStore } from "../src/server/store/event-store";
import { queryString, type MatrixEntry } from "./matrix";
import { sampleSequentially, type LatencySummary, type SampleLimits } from "./stats";

export type SqliteFigures = { warm: LatencySummary; cold: LatencySummary; total: number };

const viewScopes: Record<ContainerEventView, Omit<EventScope, "orgIds">> = {
  by_access: { containerType: "ACCESS" },
  by_block: { containerType: "BLOCK" },
  by_create: { containerType: "CREATE" },
  by_expire: { containerType: "EXPIRE" },
  by_fail: { failuresOnly: true },
};

/** The scope the server's routes build for an entry: the organisation's reach, narrowed by view or container. */
export function entryScope(store: EventStore, entry: MatrixEntry): EventScope {
  const orgIds = orgReach(store.organisations(), entry.orgId).map((org) => org.id);
  if (entry.containerId !== undefined) return { orgIds, containerId: entry.containerId };
  return entry.view ? { orgIds, ...viewScopes[entry.view] } : { orgIds };
}

/**
 * Makes every connection's count cache forget (their `PRAGMA data_version` moves) with a harmless commit
 * on a connection of its own: a revoked token nobody holds.
 */
export function countForgetter(writer: EventStore): () => void {
  return () => {
    writer.revokeRefreshToken(`bench-${randomUUID()}`, Date.now() + 60_000);
  };
}

/**
 * The same list straight from the store, in this process: `listEvents` with the parameters the server
 * parses from the same query string (it reads the page and the total, as the route does).
 */
export async function measureSqliteEntry(
  store: EventStore,
  entry: MatrixEntry,
  forgetCounts: () => void,
  limits: { warm: SampleLimits; cold: SampleLimits },
): Promise<SqliteFigures> {
  const list = lister(store, entry);
  let total = NaN;
  const run = () => {
    total = list();
  };
  const warm = await sampleSequentially(run, limits.warm);
  const cold = await sampleSequentially(run, { ...limits.cold, warmup: 0, before: forgetCounts });
  return { warm, cold, total };
}

/** One `listEvents` call for the entry; answers the total. */
export function listOnce(store: EventStore, entry: MatrixEntry): number {
  return lister(store, entry)();
}

function lister(store: EventStore, entry: MatrixEntry): () => number {
  const parsed = parseListParams(new URLSearchParams(queryString(entry.query)), eventList);
  if (!parsed.ok) throw new Error(`${entry.name}: ${parsed.message}`);
  const { filter, sort, page, perPage } = parsed.value;
  const scope = entryScope(store, entry);
  return () => store.listEvents(scope, filter, sort, { page, perPage }).total;
}
