import { afterAll, beforeAll, expect, it } from "vitest";
import type { EventFilter } from "../../contract/filter-fields";
import type { EventSortField } from "../../contract/sort-fields";
import type { SortTerm } from "../../contract/sort-grammar";
import type { EventScope } from "./event-store";
import { exportedLines, listedCsvLines, logContainerEvent, seededStore } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

describeEachStore(async (factory) => {
  const fixture = await seededStore(factory, 4000);
  afterAll(async () => {
    await fixture.close();
  });
  const { store } = fixture;
  const target = await store.findContainer([2], "c-0006");
  if (!target) throw new Error("demo container c-0006 missing");
  // A timestamp with milliseconds, a description that needs quoting and one a spreadsheet would run.
  beforeAll(async () => {
    await logContainerEvent(store, target, 2, {
      event_type: "ACCESS",
      status: "FAILURE",
      timestamp: "2026-11-18T11:00:00.250Z",
      description: '=HYPERLINK("x"), "quoted", comma',
      reason: "wrong_password",
      client_ip: "2001:DB8::9",
    });
  });

  const listedLines = (scope: EventScope, filter: EventFilter, sort: SortTerm<EventSortField>[]) =>
    listedCsvLines(store, scope, filter, sort);

  const exported = async (scope: EventScope, filter: EventFilter, sort: SortTerm<EventSortField>[]) =>
    exportedLines(await store.exportEvents(scope, filter, sort, { chunkRows: 700 }));

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
    async (_, scope, filter, sort) => {
      const expected = await listedLines(scope, filter, sort);
      expect(expected.length).toBeGreaterThan(0);
      expect(await exported(scope, filter, sort)).toEqual(expected);
    },
  );

  it("writes the timestamp as JSON does, alert as true/false, neutralises formulas, and ends with reason and client_ip", async () => {
    const lines = await exported({ orgIds: [2] }, { description: ["HYPERLINK"] }, []);
    expect(lines).toEqual([
      expect.stringMatching(
        /^\d+,2026-11-18T11:00:00\.250Z,ACCESS,API,Warn,false,FAILURE,"'=HYPERLINK\(""x""\), ""quoted"", comma",Acme Logistics,support@acme\.test,,,,,,,c-0006,wrong_password,2001:db8::9\r\n$/,
      ),
    ]);
    const plain = (await exported({ orgIds: [1, 2, 3] }, { alert: [true] }, []))[0] ?? "";
    expect(plain).toMatch(/^\d+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,[^,]+,[^,]+,[^,]+,true,/);
  });

  it("answers nothing for a view without rows", async () => {
    expect(await store.exportEvents({ orgIds: [4] }, { container: ["c-0006"] }, [])).toMatchObject({
      total: 0,
    });
    expect(
      await exportedLines(await store.exportEvents({ orgIds: [4] }, { container: ["c-0006"] }, [])),
    ).toEqual([]);
    expect(await exportedLines(await store.exportEvents({ orgIds: [] }, {}, []))).toEqual([]);
  });

  it("return() ends the query; writes go on while an export streams", async () => {
    const { csv } = await store.exportEvents(
      { orgIds: [1, 2, 3] },
      {},
      [{ field: "timestamp", desc: true }],
      {
        chunkRows: 100,
      },
    );
    expect((await csv.next()).done).toBe(false);
    // A write while the export is open: the export must not hold writes back until it ends.
    const id = await logContainerEvent(store, target, 2, {
      event_type: "BLOCK",
      status: "SUCCESS",
      timestamp: "2026-11-18T11:30:00Z",
    });
    expect(id).toBeGreaterThan(0);
    expect((await csv.next()).done).toBe(false);
    expect(await csv.return?.()).toEqual({ done: true, value: undefined });
    expect((await csv.next()).done).toBe(true);
  });

  it("two exports of the same view stream side by side", async () => {
    const sort = [{ field: "severity", desc: true }] as SortTerm<EventSortField>[];
    const a = (await store.exportEvents({ orgIds: [4] }, {}, sort, { chunkRows: 100 })).csv;
    const b = (await store.exportEvents({ orgIds: [4] }, {}, sort, { chunkRows: 100 })).csv;
    const fromA: Uint8Array[] = [];
    const fromB: Uint8Array[] = [];
    for (;;) {
      const [x, y] = await Promise.all([a.next(), b.next()]);
      if (x.done === true || y.done === true) {
        expect(x.done).toBe(y.done);
        break;
      }
      fromA.push(x.value);
      fromB.push(y.value);
    }
    expect(fromA.length).toBeGreaterThan(1);
    expect(fromA).toEqual(fromB);
    const text = new TextDecoder().decode(Buffer.concat(fromA));
    expect(text).toBe((await listedLines({ orgIds: [4] }, {}, sort)).join(""));
  });
});
