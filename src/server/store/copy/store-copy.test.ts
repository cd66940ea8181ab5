import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { facetFields } from "../../../contract/facets";
import type { EventFilter } from "../../../contract/filter-fields";
import type { EventSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";
import type { EventScope } from "../event-store";
import { byValue } from "../../test/facet-model";
import { openPostgresStore } from "../postgres/postgres-store";
import { testAdminUrl } from "../postgres/test-database";
import { testDatabase } from "../postgres/test-fixture";
import { seededSqliteStore } from "../sqlite/test-fixture";
import { eventFilterCases, filterScopes, newestFirst } from "../test-filter-cases";
import { allOrgs, listedCsvLines, logContainerEvent, type StoreFixture } from "../test-fixture";
import type { TestStore } from "../test-store-factories";
import { eventsTable, worldTables } from "./copied-tables";
import { TargetNotEmptyError } from "./copy-into-postgres";
import { openSqliteSnapshot } from "./sqlite-snapshot";
import { storeCopy, type StoreCopyResult } from "./store-copy";
import { tableColumns } from "./table-columns";
import { verifyCopy } from "./verify-copy";

const adminUrl = testAdminUrl();
const sessionId = "session-before-the-copy";

const sorts: [string, SortTerm<EventSortField>[]][] = [
  ["oldest first", [{ field: "timestamp", desc: false }]],
  [
    "organisation, then severity",
    [
      { field: "organisation", desc: false },
      { field: "severity", desc: true },
    ],
  ],
  ["endpoint", [{ field: "endpoint", desc: false }]],
  ["ip_address descending", [{ field: "ip_address", desc: true }]],
  [
    "user, then iccid",
    [
      { field: "user", desc: false },
      { field: "iccid", desc: false },
    ],
  ],
  [
    "type, then imsi",
    [
      { field: "type", desc: true },
      { field: "imsi", desc: false },
    ],
  ],
];

async function csvBytes(
  store: TestStore,
  scope: EventScope,
  filter: EventFilter,
  sort: SortTerm<EventSortField>[],
): Promise<{ total: number; bytes: Buffer }> {
  const { total, csv } = await store.exportEvents(scope, filter, sort, { chunkRows: 500 });
  const chunks: Uint8Array[] = [];
  for (let next = await csv.next(); next.done !== true; next = await csv.next()) chunks.push(next.value);
  return { total, bytes: Buffer.concat(chunks) };
}

/** Every table as each side holds it, compared by a new verification of `file` against `url`. */
async function verifyAgain(file: string, url: string) {
  const source = openSqliteSnapshot(file);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = [];
    for (const table of [...worldTables, eventsTable]) tables.push(await tableColumns(source, client, table));
    return await verifyCopy(source, client, tables);
  } finally {
    await client.end();
    source.close();
  }
}

async function onTarget(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("store:copy from SQLite into PostgreSQL", () => {
  let sqlite: StoreFixture & { file: string };
  let target: { url: string; drop(): Promise<void> };
  let postgres: TestStore;
  let copied: StoreCopyResult;
  let secret: Uint8Array;

  beforeAll(async () => {
    if (!adminUrl) return;
    sqlite = await seededSqliteStore();
    secret = await sqlite.store.signingSecret();
    const user = sqlite.world.users[0];
    if (!user) throw new Error("the demo world has no users");
    await sqlite.store.startSession(
      { id: sessionId, userId: user.id, expiresAtMs: Date.now() + 3_600_000 },
      Date.now(),
    );
    target = await testDatabase(adminUrl);
    // The SQLite store stays open, as a running server's would.
    copied = await storeCopy(sqlite.file, target.url);
    postgres = await openPostgresStore(target.url);
  });

  afterAll(async () => {
    if (!adminUrl) return;
    await postgres.close();
    await target.drop();
    await sqlite.close();
  });

  it.skipIf(!adminUrl)("copies every table, and its verification finds both sides the same", () => {
    expect(copied.copied.events).toBe(sqlite.events.length);
    expect(copied.copied.sessions).toBe(1);
    expect(copied.checks.map((check) => check.table)).toEqual([
      ...worldTables.map((table) => table.name),
      "events",
      "event_tallies",
    ]);
    for (const check of copied.checks) expect(check, check.table).toMatchObject({ same: true });
  });

  it.skipIf(!adminUrl)(
    "builds the events' indexes again: the schema's own, valid, on every partition",
    async () => {
      const indexNames = "SELECT indexname FROM pg_indexes WHERE tablename = 'events' ORDER BY 1";
      const fresh = await testDatabase(adminUrl ?? "");
      try {
        expect((await onTarget(target.url, indexNames)).rows).toEqual(
          (await onTarget(fresh.url, indexNames)).rows,
        );
      } finally {
        await fresh.drop();
      }
      const invalid = await onTarget(
        target.url,
        "SELECT indexrelid::regclass::text AS name FROM pg_index WHERE NOT indisvalid",
      );
      expect(invalid.rows).toEqual([]);
      const perPartition = await onTarget(
        target.url,
        `SELECT count(*) AS n FROM pg_inherits p JOIN pg_index i ON i.indrelid = p.inhrelid
       WHERE p.inhparent = 'events'::regclass GROUP BY p.inhrelid`,
      );
      const onParent = await onTarget(
        target.url,
        "SELECT count(*) AS n FROM pg_index WHERE indrelid = 'events'::regclass",
      );
      expect(new Set(perPartition.rows.map((row: { n: string }) => row.n))).toEqual(
        new Set([(onParent.rows[0] as { n: string }).n]),
      );
    },
  );

  it.skipIf(!adminUrl)(
    "counts and lists the same events for every filter case",
    async () => {
      const page = { page: 2, perPage: 100 };
      for (const [scopeName, scope] of filterScopes) {
        for (const [name, filter] of eventFilterCases(sqlite.events, sqlite.world)) {
          const what = `${scopeName}: ${name}`;
          expect(await postgres.countEvents(scope, filter), what).toBe(
            await sqlite.store.countEvents(scope, filter),
          );
          expect(await postgres.listEvents(scope, filter, newestFirst, page), what).toEqual(
            await sqlite.store.listEvents(scope, filter, newestFirst, page),
          );
        }
      }
      // Every event once, through the list.
      expect(await listedCsvLines(postgres, allOrgs, {}, newestFirst)).toEqual(
        await listedCsvLines(sqlite.store, allOrgs, {}, newestFirst),
      );
    },
    60_000,
  );

  it.skipIf(!adminUrl)("lists the same pages in every sort", async () => {
    for (const [name, sort] of sorts) {
      for (const page of [
        { page: 1, perPage: 50 },
        { page: 37, perPage: 40 },
      ]) {
        expect(await postgres.listEvents(allOrgs, {}, sort, page), name).toEqual(
          await sqlite.store.listEvents(allOrgs, {}, sort, page),
        );
      }
    }
  });

  it.skipIf(!adminUrl)("counts the same facets, from tallies the copy filled", async () => {
    const filters: EventFilter[] = [{}, { severity: [0, 2] }, { status: ["FAILURE"], alert: [false] }];
    for (const filter of filters) {
      const copied = await postgres.facetGroups(allOrgs, filter, facetFields);
      const original = await sqlite.store.facetGroups(allOrgs, filter, facetFields);
      for (const field of facetFields) {
        expect(byValue(copied[field] ?? []), `${field} ${JSON.stringify(filter)}`).toEqual(
          byValue(original[field] ?? []),
        );
      }
    }
  });

  it.skipIf(!adminUrl)("exports the same CSV bytes", async () => {
    const exports: [EventScope, EventFilter, SortTerm<EventSortField>[]][] = [
      [allOrgs, {}, newestFirst],
      [{ orgIds: [1, 2, 3] }, { status: ["FAILURE"] }, [{ field: "endpoint", desc: false }]],
      [{ orgIds: [4] }, { description: ["denied"] }, [{ field: "organisation", desc: true }]],
    ];
    for (const [scope, filter, sort] of exports) {
      const fromSqlite = await csvBytes(sqlite.store, scope, filter, sort);
      const fromPostgres = await csvBytes(postgres, scope, filter, sort);
      expect(fromSqlite.total).toBeGreaterThan(0);
      expect(fromPostgres.total).toBe(fromSqlite.total);
      expect(fromPostgres.bytes.equals(fromSqlite.bytes)).toBe(true);
    }
  });

  it.skipIf(!adminUrl)("keeps the token signing secret, the session and the users", async () => {
    expect(await postgres.signingSecret()).toEqual(secret);
    const user = sqlite.world.users[0];
    expect(await postgres.sessionUserId(sessionId)).toBe(user?.id);
    expect(await postgres.findUserByUsername(user?.username ?? "")).toEqual(
      await sqlite.store.findUserByUsername(user?.username ?? ""),
    );
  });

  it.skipIf(!adminUrl)("refuses a second copy into the now non-empty target, changing nothing", async () => {
    const events = await postgres.countEvents(allOrgs, {});
    await expect(storeCopy(sqlite.file, target.url)).rejects.toThrow(TargetNotEmptyError);
    await expect(storeCopy(sqlite.file, target.url)).rejects.toThrow(/only into an empty database/);
    expect(await postgres.countEvents(allOrgs, {})).toBe(events);
  });

  it.skipIf(!adminUrl)("gives a new event an id above the copied ones", async () => {
    const highest = Math.max(...sqlite.events.map((event) => event.id));
    const [first] = sqlite.world.containers;
    const container = first && (await postgres.findContainer(allOrgs.orgIds, first.id));
    if (!container) throw new Error("the copy lacks the demo world's first container");
    const id = await logContainerEvent(postgres, container, 2, {
      event_type: "ACCESS",
      timestamp: new Date().toISOString(),
      status: "SUCCESS",
    });
    expect(id).toBeGreaterThan(highest);
  });
});

describe("store:copy's verification and its transaction", () => {
  it.skipIf(!adminUrl)("finds a table whose rows differ, though the counts agree", async () => {
    const sqlite = await seededSqliteStore(800);
    const target = await testDatabase(adminUrl ?? "");
    try {
      await storeCopy(sqlite.file, target.url);
      await onTarget(target.url, "UPDATE events SET description = description || '.' WHERE id = 17");
      await onTarget(
        target.url,
        "UPDATE containers SET blocked = NOT blocked WHERE id = (SELECT min(id) FROM containers)",
      );
      const checks = await verifyAgain(sqlite.file, target.url);
      const differing = checks.filter((check) => !check.same);
      expect(differing.map((check) => check.table)).toEqual(["containers", "events"]);
      for (const check of differing) expect(check.postgres.rows).toBe(check.sqlite.rows);
    } finally {
      await target.drop();
      await sqlite.close();
    }
  });

  it.skipIf(!adminUrl)("leaves the target empty when the copy fails part-way", async () => {
    const sqlite = await seededSqliteStore(800);
    const target = await testDatabase(adminUrl ?? "");
    try {
      // PostgreSQL's text cannot hold NUL: the event's COPY fails after the other tables are in.
      const db = new Database(sqlite.file);
      db.prepare("UPDATE events SET description = 'a' || char(0) || 'b' WHERE id = 500").run();
      db.close();
      await expect(storeCopy(sqlite.file, target.url)).rejects.toThrow(/0x00/);
      const held = await onTarget(
        target.url,
        "SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM events) AS n",
      );
      expect(held.rows).toEqual([{ n: "0" }]);
    } finally {
      await target.drop();
      await sqlite.close();
    }
  });
});
