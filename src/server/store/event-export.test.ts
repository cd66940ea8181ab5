import { afterAll, beforeAll, expect, it } from "vitest";
import { csvLine, eventCsvValues } from "../../contract/csv";
import type { EventFilter } from "../../contract/filter-fields";
import type { EventSortField } from "../../contract/sort-fields";
import type { SortTerm } from "../../contract/sort-grammar";
import type { EventScope } from "./event-store";
import { logContainerEvent, seededStore } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

describeEachStore((factory) => {
  const fixture = seededStore(factory, 4000);
  afterAll(() => {
    fixture.close();
  });
  const { store } = fixture;
  const target = store.findContainer([2], "c-0006");
  if (!target) throw new Error("demo container c-0006 missing");
  // A timestamp with milliseconds, a description that needs quoting and one a spreadsheet would run.
  beforeAll(async () => {
    await logContainerEvent(store, target, 2, {
      event_type: "ACCESS",
      status: "FAILURE",
      timestamp: "2026-11-18T11:00:00.250Z",
      description: '=HYPERLINK("x"), "quoted", comma',
    });
  });

  function listedLines(scope: EventScope, filter: EventFilter, sort: SortTerm<EventSortField>[]): string[] {
    const lines: string[] = [];
    for (let page = 1; ; page++) {
      const { rows } = store.listEvents(scope, filter, sort, { page, perPage: 1000 });
      lines.push(...rows.map((e) => csvLine(eventCsvValues(e))));
      if (rows.length < 1000) return lines;
    }
  }

  const exported = (scope: EventScope, filter: EventFilter, sort: SortTerm<EventSortField>[]) =>
    [...store.exportEvents(scope, filter, sort).rows].map((row) => csvLine(row));

  it.each([
    ["newest first", { orgIds: [1, 2, 3] }, {}, [{ field: "timestamp", desc: true }]],
    ["by endpoint", { orgIds: [1, 2, 3] }, {}, [{ field: "endpoint", desc: false }]],
    [
      "by organisation then user",
      { orgIds: [1, 2, 3, 4] },
      {},
      [
        { field: "organisation", desc: true },
        { field: "user", desc: false },
      ],
    ],
    [
      "a filtered view",
      { orgIds: [2] },
      { description: ["denied"], severity: [1, 2] },
      [{ field: "type", desc: false }],
    ],
    ["failures", { orgIds: [1, 2, 3], failuresOnly: true }, {}, [{ field: "timestamp", desc: false }]],
    ["one container", { orgIds: [2], containerId: "c-0006" }, {}, [{ field: "id", desc: false }]],
  ] as [string, EventScope, EventFilter, SortTerm<EventSortField>[]][])(
    "%s: the CSV rows are the listed rows, byte for byte, in the same order",
    (_, scope, filter, sort) => {
      const expected = listedLines(scope, filter, sort);
      expect(expected.length).toBeGreaterThan(0);
      expect(exported(scope, filter, sort)).toEqual(expected);
    },
  );

  it("writes the timestamp as JSON does, alert as true/false, and neutralises formulas", () => {
    const lines = exported({ orgIds: [2] }, { description: ["HYPERLINK"] }, []);
    expect(lines).toEqual([
      expect.stringMatching(
        /^\d+,2026-11-18T11:00:00\.250Z,ACCESS,API,Warn,false,FAILURE,"'=HYPERLINK\(""x""\), ""quoted"", comma",Acme Logistics,support@acme\.test,,,,,,,c-0006\r\n$/,
      ),
    ]);
    const plain = exported({ orgIds: [1, 2, 3] }, { alert: [true] }, [])[0] ?? "";
    expect(plain).toMatch(/^\d+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,[^,]+,[^,]+,[^,]+,true,/);
  });

  it("answers nothing for a view without rows", () => {
    expect(store.exportEvents({ orgIds: [4] }, { container: ["c-0006"] }, [])).toMatchObject({ total: 0 });
    expect([...store.exportEvents({ orgIds: [4] }, { container: ["c-0006"] }, []).rows]).toEqual([]);
    expect([...store.exportEvents({ orgIds: [] }, {}, []).rows]).toEqual([]);
  });

  it("return() ends the query; writes go on while an export streams", async () => {
    const { rows } = store.exportEvents({ orgIds: [1, 2, 3] }, {}, [{ field: "timestamp", desc: true }]);
    expect(rows.next().done).toBe(false);
    // A write while the export is open: the export must not hold writes back until it ends.
    const id = await logContainerEvent(store, target, 2, {
      event_type: "BLOCK",
      status: "SUCCESS",
      timestamp: "2026-11-18T11:30:00Z",
    });
    expect(id).toBeGreaterThan(0);
    expect(rows.next().done).toBe(false);
    expect(rows.return?.()).toEqual({ done: true, value: undefined });
    expect(rows.next().done).toBe(true);
  });

  it("two exports of the same view stream side by side", () => {
    const sort = [{ field: "severity", desc: true }] as SortTerm<EventSortField>[];
    const a = store.exportEvents({ orgIds: [4] }, {}, sort).rows;
    const b = store.exportEvents({ orgIds: [4] }, {}, sort).rows;
    const fromA: string[] = [];
    const fromB: string[] = [];
    for (;;) {
      const x = a.next();
      const y = b.next();
      if (x.done === true || y.done === true) {
        expect(x.done).toBe(y.done);
        break;
      }
      fromA.push(csvLine(x.value));
      fromB.push(csvLine(y.value));
    }
    expect(fromA).toEqual(fromB);
    expect(fromA).toEqual(listedLines({ orgIds: [4] }, {}, sort));
  });
});
