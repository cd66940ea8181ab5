import { randomUUID } from "node:crypto";
import type { ContainerEventView } from "../src/contract/api-paths";
import { eventList, parseListParams } from "../src/contract/list-params";
import { orgReach } from "../src/server/auth/org-reach";
import type { AccountStore } from "../src/server/store/account-store";
import type { EventScope, EventStore } from "../src/server/store/event-store";
import { queryString, type MatrixEntry } from "./matrix";
import { sampleSequentially, summarise, type LatencySummary, type SampleLimits } from "./stats";
import { openTarget, type StoreTarget } from "./store-target";

export type StoreFigures = {
  warm: LatencySummary;
  cold: LatencySummary;
  /** A new connection each time: no cached count, no prepared statement (a view nobody opened yet). */
  first: LatencySummary;
  total: number;
};

const firstLoadSamples = 3;

const viewScopes: Record<ContainerEventView, Omit<EventScope, "orgIds">> = {
  by_access: { containerType: "ACCESS" },
  by_block: { containerType: "BLOCK" },
  by_create: { containerType: "CREATE" },
  by_expire: { containerType: "EXPIRE" },
  by_fail: { failuresOnly: true },
};

/** The scope the server's routes build for an entry: the organisation's reach, narrowed by view or container. */
export async function entryScope(store: EventStore, entry: MatrixEntry): Promise<EventScope> {
  const orgIds = orgReach(await store.organisations(), entry.orgId).map((org) => org.id);
  if (entry.containerId !== undefined) return { orgIds, containerId: entry.containerId };
  return entry.view ? { orgIds, ...viewScopes[entry.view] } : { orgIds };
}

/**
 * Makes every connection's count cache forget (their `PRAGMA data_version` moves; on PostgreSQL, the snapshot
 * the server's page cache is keyed by) with a harmless commit on a connection of its own: a session of the
 * first user that no token names.
 */
export function countForgetter(writer: AccountStore): () => Promise<void> {
  return () =>
    writer.startSession(
      { id: `bench-${randomUUID()}`, userId: 1, expiresAtMs: Date.now() + 60_000 },
      Date.now(),
    );
}

/**
 * The same list straight from the store, in this process: `listEvents` with the parameters the server
 * parses from the same query string (it reads the page and the total, as the route does).
 */
export async function measureStoreEntry(
  store: EventStore,
  target: StoreTarget,
  entry: MatrixEntry,
  forgetCounts: () => Promise<void>,
  limits: { warm: SampleLimits; cold: SampleLimits },
): Promise<StoreFigures> {
  const list = await lister(store, entry);
  let total = NaN;
  const run = async () => {
    total = await list();
  };
  const warm = await sampleSequentially(run, limits.warm);
  const cold = await sampleSequentially(run, { ...limits.cold, warmup: 0, before: forgetCounts });
  return { warm, cold, first: await measureFirstLoad(target, entry), total };
}

/** The list on a store opened just before (opening is not timed), the way a fresh server answers it. */
async function measureFirstLoad(target: StoreTarget, entry: MatrixEntry): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let i = 0; i < firstLoadSamples; i++) {
    const fresh = await openTarget(target);
    try {
      const list = await lister(fresh, entry);
      const t0 = performance.now();
      await list();
      samples.push(performance.now() - t0);
    } finally {
      await fresh.close();
    }
  }
  return summarise(
    samples,
    samples.reduce((a, b) => a + b, 0),
  );
}

/** One `listEvents` call for the entry; answers the total. */
export async function listOnce(store: EventStore, entry: MatrixEntry): Promise<number> {
  return (await lister(store, entry))();
}

async function lister(store: EventStore, entry: MatrixEntry): Promise<() => Promise<number>> {
  const parsed = parseListParams(new URLSearchParams(queryString(entry.query)), eventList);
  if (!parsed.ok) throw new Error(`${entry.name}: ${parsed.message}`);
  const { filter, sort, page, perPage } = parsed.value;
  const scope = await entryScope(store, entry);
  return async () => (await store.listEvents(scope, filter, sort, { page, perPage })).total;
}
