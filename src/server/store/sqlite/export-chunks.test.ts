import { afterAll, describe, expect, it } from "vitest";
import type { EventFilter } from "../../../contract/filter-fields";
import { eventSortFields, type EventSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";
import { compileEventExportChunk } from "./compile-event-export";
import { orderedSelect } from "./compile-event-query";
import { eventJoins, exportColumnCount, exportColumns } from "./event-projection";
import { orderKeys } from "./event-sort-keys";
import type { EventScope } from "../event-store";
import { idListChunks, keysetChunks, type ReadChunk } from "./export-chunks";
import { keysetSteps } from "./export-keyset";
import { exportCsv } from "./export-csv";
import { csvRecords, listedCsvLines } from "../test-fixture";
import { seededSqliteStore } from "./test-fixture";
import { planRunner } from "./test-plans";

const fixture = await seededSqliteStore(1500);
const plans = planRunner(fixture.file);
afterAll(async () => {
  plans.close();
  await fixture.close();
});
const { store } = fixture;
const reach: EventScope = { orgIds: [1, 2, 3] };
const maxId = () => plans.statement("SELECT max(id) FROM events").pluck().get() as number;

const listed = (scope: EventScope, filter: EventFilter, sort: SortTerm<EventSortField>[]) =>
  listedCsvLines(store, scope, filter, sort);

function lines(read: ReadChunk): string[] {
  const csv = exportCsv(read);
  const records: string[] = [];
  for (let text = csv(); text !== undefined; text = csv()) records.push(...csvRecords(text));
  return records;
}

const single = eventSortFields.flatMap((field) => [
  [[{ field, desc: false }]],
  [[{ field, desc: true }]],
]) as SortTerm<EventSortField>[][][];
const several = [
  [
    [
      { field: "organisation", desc: true },
      { field: "user", desc: false },
    ],
  ],
  [
    [
      { field: "severity", desc: false },
      { field: "timestamp", desc: true },
    ],
  ],
  [
    [
      { field: "endpoint", desc: true },
      { field: "organisation", desc: false },
      { field: "id", desc: false },
    ],
  ],
  [
    [
      { field: "alert", desc: false },
      { field: "iccid", desc: true },
    ],
  ],
] as SortTerm<EventSortField>[][][];
const views: [EventScope, EventFilter][] = [
  [reach, {}],
  [{ orgIds: [1, 2, 3, 4] }, { severity: [1, 2] }],
  [{ orgIds: [1, 2, 3, 4], containerType: "ACCESS" }, {}],
];

describe.each([...single, ...several])("sort %j", (sort) => {
  it("chunks that start after the last row's keys continue the order exactly, under both plans", async () => {
    for (const [scope, filter] of views) {
      const expected = await listed(scope, filter, sort);
      for (const kind of ["walk", "filter"] as const) {
        const prepared = plans.prepare(kind, scope, filter, sort);
        if (!prepared) continue;
        // A filter plan re-sorts its matches for every chunk (the export gives it one chunk or the id
        // list), so it is read in fewer, larger chunks here.
        const chunkRows = kind === "walk" ? 7 : 100;
        const read = keysetChunks({
          ...prepared,
          statement: plans.statement,
          upToId: maxId(),
          total: 0,
          chunkRows,
        });
        expect(lines(read), `${kind} ${JSON.stringify([scope, filter])}`).toEqual(expected);
      }
    }
  });

  it("chunks by position in the list of ids read at the start give the same rows", async () => {
    for (const [scope, filter] of views) {
      const prepared = plans.prepare("filter", scope, filter, sort);
      if (!prepared) continue;
      const read = idListChunks({
        ...prepared,
        statement: plans.statement,
        upToId: maxId(),
        total: 0,
        chunkRows: 7,
      });
      expect(lines(read), JSON.stringify([scope, filter])).toEqual(await listed(scope, filter, sort));
    }
  });
});

it("a chunk reads the walk's index from where the last one ended, and sorts no more than one whole export", () => {
  const sorts = [
    ...single.map(([sort]) => sort),
    [{ field: "organisation", desc: false }],
    [
      { field: "organisation", desc: true },
      { field: "timestamp", desc: true },
    ],
    [
      { field: "severity", desc: false },
      { field: "id", desc: false },
    ],
  ] as SortTerm<EventSortField>[][];
  for (const sort of sorts) {
    const prepared = plans.prepare("walk", reach, {}, sort);
    if (!prepared) continue;
    const { query, plan } = prepared;
    if (plan.kind !== "walk") continue;
    const index = plan.index === "rowid" ? "INTEGER PRIMARY KEY" : `INDEX ${plan.index} `;
    const whole = orderedSelect(query, plan, exportColumns, eventJoins.export);
    const sorting = (sql: string, params: unknown[]) =>
      plans.explain(sql, params).filter((step) => step.includes("TEMP B-TREE")).length;
    const half = compileEventExportChunk(query, plan, { upToId: maxId(), step: [], limit: 400 });
    if (!half) throw new Error("no rows");
    const last = plans
      .statement(half.sql)
      .raw(true)
      .all(...half.params)
      .at(-1) as unknown[];
    const keys = orderKeys(sort);
    let column = exportColumnCount;
    const values = keys.map((key) => (key.expr === "e.id" ? last[0] : last[column++])) as (number | null)[];
    for (const step of keysetSteps(keys, values)) {
      const chunk = compileEventExportChunk(query, plan, { upToId: maxId(), step, limit: 100 });
      if (!chunk) continue;
      const explained = plans.explain(chunk.sql, chunk.params);
      const label = `${JSON.stringify(sort)} after ${JSON.stringify(step)}: ${explained.join("; ")}`;
      const reads = explained.filter((line) => line.startsWith("SEARCH e ") || line.startsWith("SCAN e "));
      expect(reads.length, label).toBeGreaterThan(0);
      const seeks = step.some((term) => term.expr !== "e.org_rank");
      for (const read of reads) {
        expect(read, label).toContain(`USING ${index}`);
        // A step on more than the organisation seeks past the rows read: no arm starts from its first entry.
        if (seeks) expect(read, label).toMatch(/\((organisation_id=\? AND |rowid).+\)$/);
      }
      expect(sorting(chunk.sql, chunk.params), label).toBeLessThanOrEqual(sorting(whole.sql, whole.params));
    }
  }
});
