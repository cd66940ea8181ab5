import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { EventFilter } from "../../../contract/filter-fields";
import type { EventSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";
import type { EventScope } from "../event-store";
import { sqliteStoreFactory } from "../sqlite/test-fixture";
import { seededStore, type StoreFixture } from "../test-fixture";
import { postgresStoreFactory } from "./test-fixture";

const postgres = postgresStoreFactory();

async function exportHash(
  fixture: StoreFixture,
  scope: EventScope,
  filter: EventFilter,
  sort: SortTerm<EventSortField>[],
): Promise<{ total: number; bytes: number; sha256: string }> {
  const { total, csv } = await fixture.store.exportEvents(scope, filter, sort);
  const hash = createHash("sha256");
  let bytes = 0;
  for (let next = await csv.next(); next.done !== true; next = await csv.next()) {
    hash.update(next.value);
    bytes += next.value.byteLength;
  }
  return { total, bytes, sha256: hash.digest("hex") };
}

const views: [string, EventScope, EventFilter, SortTerm<EventSortField>[]][] = [
  ["the whole reach, newest first", { orgIds: [1, 2, 3, 4] }, {}, [{ field: "timestamp", desc: true }]],
  [
    "by endpoint then oldest",
    { orgIds: [1, 2, 3] },
    {},
    [
      { field: "endpoint", desc: false },
      { field: "timestamp", desc: false },
    ],
  ],
  ["by organisation, descending", { orgIds: [1, 2, 3] }, {}, [{ field: "organisation", desc: true }]],
  ["failures of containers", { orgIds: [1, 2, 3], failuresOnly: true }, {}, [{ field: "user", desc: false }]],
  [
    "a description filter",
    { orgIds: [2] },
    { description: ["on cell"] },
    [{ field: "severity", desc: true }],
  ],
  [
    "severity and tags",
    { orgIds: [1, 2, 3, 4] },
    { severity: [1, 2], tags: ["a"] },
    [{ field: "ip_address", desc: true }],
  ],
];

describe.skipIf(postgres === undefined)("the same demo data on SQLite and PostgreSQL", async () => {
  const [sqlite, onPostgres] = await Promise.all([
    seededStore(sqliteStoreFactory, 20_000),
    postgres ? seededStore(postgres, 20_000) : undefined,
  ]);
  afterAll(async () => {
    await sqlite.close();
    await onPostgres?.close();
  });

  it.each(views)("%s: exports byte for byte the same CSV", async (_, scope, filter, sort) => {
    if (!onPostgres) throw new Error("no PostgreSQL store");
    const expected = await exportHash(sqlite, scope, filter, sort);
    expect(expected.total).toBeGreaterThan(0);
    expect(await exportHash(onPostgres, scope, filter, sort)).toEqual(expected);
  });
});
