import pg from "pg";
import type { EventTypesResponse } from "../../../contract/event";
import type { Organisation } from "../../../contract/organisation";
import type { AccountStore } from "../account-store";
import type { SavedViewStore } from "../saved-view-store";
import { toEvent, type EventListRow } from "../event-list-row";
import type { EventExport, EventScope, EventStore, FacetGroups } from "../event-store";
import type { FacetGroup } from "../facet-columns";
import type { EventFilter } from "../../../contract/filter-fields";
import type { EventSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";
import { guardedMethods } from "../guarded-methods";
import { accountQueries } from "./account-queries";
import {
  compileEventById,
  compileEventFacet,
  compileEventHistogram,
  compileEventPage,
  compileEventsAfter,
  type EventQuery,
} from "./compile-event-query";
import { containerQueries } from "./container-queries";
import { dayNarrowedPage } from "./day-narrowed-page";
import { eventCounts } from "./event-counts";
import { eventTerms } from "./event-terms";
import { defaultChunkRows, startExport } from "./event-export";
import { insertContainerEvents } from "./insert-container-events";
import { applyMigrations } from "./migrations";
import { maintainPartitions } from "./partitions";
import { postgresUnavailable } from "./pg-unavailable";
import { savedViewQueries } from "./saved-view-queries";
import { seedWorld } from "./seed-world";
import { setContainerBlocked } from "./set-container-blocked";
import { signInFailures } from "./sign-in-failures";

export type PostgresStoreOptions = {
  /** Connections this server keeps at most; a request that finds none free waits `connectTimeoutMs`, then 503s. */
  poolSize?: number;
  connectTimeoutMs?: number;
  /** Reads and writes that take longer are cancelled (a seed is exempt). */
  statementTimeoutMs?: number;
  /** The server's clock: partitions are made ahead of it, and the retention counts back from it. */
  now?: () => number;
  /** Months of events wholly older than this many days are dropped (never, when undefined). */
  retentionDays?: number | undefined;
};

/** bigint (counts, ids, epoch ms) and numeric (sums) as numbers: every value here stays below 2^53. */
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, Number);
types.setTypeParser(pg.types.builtins.NUMERIC, Number);

const hourMs = 60 * 60 * 1000;

const catalogue = async (pool: pg.Pool, table: string) =>
  (await pool.query<{ id: number; description: string }>(`SELECT id, description FROM ${table} ORDER BY id`))
    .rows;

/**
 * The PostgreSQL store: events and accounts in one database that several servers may share. Nothing that
 * decides an answer is kept in this process but the lookup tables, which change only when a world is seeded
 * (and are read again until they hold one); `changeVersion` asks the database, so a write through any server
 * moves every server's version.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<EventStore & AccountStore & SavedViewStore> {
  const statementTimeoutMs = options.statementTimeoutMs ?? 30_000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    statement_timeout: statementTimeoutMs,
    // Parallel workers cost ~5 ms to start, more than most of our statements take from an index or the
    // tallies (a 7-day facet: 11 → 2 ms), and concurrent requests already keep the cores busy.
    options: "-c max_parallel_workers_per_gather=0",
    // A server that stops answering (frozen, cut off) would otherwise hold a request for good.
    query_timeout: statementTimeoutMs + 5000,
    types,
    // Each connection keeps the statements it prepared (compile-event-query.ts): retiring it after this many
    // uses bounds them, however many shapes of query arrive.
    maxUses: 5000,
    // A connection the server drops while a request holds it between queries (an export waiting for its
    // client) fails that request's next query; its error event, unheard, would end the process.
    onConnect: (client) => {
      client.on("error", () => undefined);
    },
  });
  // An idle connection that the server drops (a restart) is replaced on next use; it must not crash us.
  pool.on("error", (error) => {
    console.error(`[eventdesk] PostgreSQL connection lost: ${error.message}`);
  });
  const withClient = async <T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      const result = await run(client);
      client.release();
      return result;
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  };
  const now = options.now ?? Date.now;
  const maintain = () => withClient((client) => maintainPartitions(client, now(), options.retentionDays));
  // Migrations may build indexes over every event: on a connection of their own, without the pool's timeouts.
  const migrating = new pg.Client({ connectionString: url, types });
  try {
    await migrating.connect();
    await applyMigrations(migrating).finally(() => migrating.end());
    await maintain();
  } catch (error) {
    await pool.end();
    throw postgresUnavailable(error) ?? error;
  }
  const upkeep = setInterval(() => {
    maintain().catch((error: unknown) => {
      console.error("[eventdesk] PostgreSQL partition upkeep failed:", error);
    });
  }, hourMs);
  upkeep.unref();

  let organisations: Organisation[] | undefined;
  let eventTypes: EventTypesResponse | undefined;
  const exports = new Set<AsyncIterator<Uint8Array, undefined>>();

  const query = (
    scope: EventScope,
    filter: EventFilter,
    sort: SortTerm<EventSortField>[],
  ): EventQuery | undefined => {
    const orgIds = [...new Set(scope.orgIds)].sort((a, b) => a - b);
    return orgIds.length === 0 ? undefined : { orgIds, terms: eventTerms(scope, filter), sort };
  };

  const store: EventStore & AccountStore & SavedViewStore = {
    ...accountQueries(pool),
    ...signInFailures(pool),
    ...containerQueries(pool),
    ...savedViewQueries(pool),

    async organisations() {
      const found =
        organisations ??
        (await pool.query<Organisation>("SELECT id, name, parent_id FROM organisations ORDER BY id")).rows;
      if (found.length > 0) organisations = found;
      return found.map((org) => ({ ...org }));
    },
    async eventTypes() {
      const found = eventTypes ?? {
        event_types: await catalogue(pool, "event_types"),
        sources: await catalogue(pool, "event_sources"),
        severities: await catalogue(pool, "event_severities"),
      };
      if (eventTypes === undefined && !(await store.isEmpty())) eventTypes = found;
      return structuredClone(found);
    },
    async isEmpty() {
      return (await pool.query("SELECT 1 FROM organisations LIMIT 1")).rowCount === 0;
    },
    // The snapshot changes whenever any transaction that wrote commits, on whichever server.
    async changeVersion() {
      return (await pool.query<{ v: string }>("SELECT pg_current_snapshot()::text AS v")).rows[0]?.v ?? "";
    },

    async listEvents(scope, filter, sort, page, { signal } = {}) {
      signal?.throwIfAborted();
      const prepared = query(scope, filter, sort);
      if (!prepared) return { rows: [], total: 0 };
      const counts = await eventCounts(pool, prepared);
      const { total } = counts;
      const offset = (page.page - 1) * page.perPage;
      if (offset >= total) return { rows: [], total };
      signal?.throwIfAborted();
      // Past the middle, the page is fewer rows from the end than from the start.
      const limit = Math.min(page.perPage, total - offset);
      const fromEnd = total - offset - limit < offset;
      const skip = fromEnd ? total - offset - limit : offset;
      const narrowed = await dayNarrowedPage(pool, prepared, { limit, offset: skip, fromEnd });
      const listed = await pool.query<EventListRow>(
        compileEventPage(narrowed.query, narrowed.page, counts.byOrganisation),
      );
      return { rows: listed.rows.map(toEvent), total };
    },
    async countEvents(scope, filter, { signal } = {}) {
      signal?.throwIfAborted();
      const prepared = query(scope, filter, []);
      return prepared ? (await eventCounts(pool, prepared)).total : 0;
    },
    async facetGroups(scope, filter, fields, { signal } = {}) {
      signal?.throwIfAborted();
      const prepared = query(scope, filter, []);
      // One statement per field, at once: the pool's connections let PostgreSQL run them on several cores.
      const found = await Promise.all(
        fields.map(async (field) =>
          prepared ? (await pool.query<FacetGroup>(compileEventFacet(prepared, field))).rows : [],
        ),
      );
      const groups: FacetGroups = {};
      fields.forEach((field, i) => (groups[field] = found[i]));
      return groups;
    },
    async histogram(scope, filter, buckets, { signal } = {}) {
      signal?.throwIfAborted();
      const prepared = query(scope, filter, []);
      if (!prepared) return [];
      const found = await pool.query<{ bucket: number; n: number }>(compileEventHistogram(prepared, buckets));
      return found.rows.map((row): [number, number] => [row.bucket, row.n]);
    },
    async exportEvents(scope, filter, sort, options = {}) {
      const prepared = query(scope, filter, sort);
      if (!prepared)
        return { total: 0, csv: { next: () => Promise.resolve({ done: true, value: undefined }) } };
      const client = await pool.connect();
      let csv: EventExport["csv"] | undefined;
      const started = await startExport(client, prepared, options.chunkRows ?? defaultChunkRows, (error) => {
        if (csv) exports.delete(csv);
        client.release(error);
      });
      if (started.total > 0) exports.add((csv = started.csv));
      return started;
    },
    async latestEventId() {
      const found = await pool.query<{ id: number }>("SELECT coalesce(max(id), 0) AS id FROM events");
      return found.rows[0]?.id ?? 0;
    },
    async eventsAfter(scope, filter, afterId, limit, { signal } = {}) {
      signal?.throwIfAborted();
      const prepared = query(scope, filter, []);
      if (!prepared) return [];
      return (await pool.query<EventListRow>(compileEventsAfter(prepared, afterId, limit))).rows.map(toEvent);
    },
    async findEvent(orgIds, eventId) {
      const found = await pool.query<EventListRow>(compileEventById(orgIds, eventId));
      const [row] = found.rows;
      return row ? toEvent(row) : undefined;
    },
    insertContainerEvents: (events) => insertContainerEvents(pool, events),
    setContainerBlocked: setContainerBlocked(pool),

    async seed(world, events) {
      // Its own connection: the pool's query timeout would cut a long load short.
      const client = new pg.Client({ connectionString: url, types });
      await client.connect();
      const seeded = await seedWorld(client, world, events, now()).finally(() => client.end());
      organisations = undefined;
      eventTypes = undefined;
      return seeded;
    },
    async health() {
      await pool.query("SELECT 1");
    },
    async close() {
      clearInterval(upkeep);
      await Promise.all([...exports].map(async (csv) => csv.return?.()));
      await pool.end();
    },
  };
  return guardedMethods(store, postgresUnavailable);
}
