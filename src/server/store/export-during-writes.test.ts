import { afterAll, describe, expect, it } from "vitest";
import type { EventSortField } from "../../contract/sort-fields";
import type { SortTerm } from "../../contract/sort-grammar";
import type { EventScope } from "./event-store";
import { csvRecords, listedCsvLines, logContainerEvent, seededStore } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

const reach: EventScope = { orgIds: [1, 2, 3] };

describeEachStore(async (factory) => {
  const fixture = await seededStore(factory, 1500);
  afterAll(async () => {
    await fixture.close();
  });
  const { store } = fixture;

  const listed = (sort: SortTerm<EventSortField>[]) => listedCsvLines(store, reach, {}, sort);

  const target = await store.findContainer([2], "c-0006");
  if (!target) throw new Error("demo container c-0006 missing");

  describe("an export while events are written", () => {
    const timestamps = fixture.events.map((e) => e.timestamp);

    it.each([
      ["newest first", [{ field: "timestamp", desc: true }]],
      ["by endpoint, descending (a joined name that is often null)", [{ field: "endpoint", desc: true }]],
      ["by severity (a few values, long ties)", [{ field: "severity", desc: false }]],
      [
        "by organisation then user",
        [
          { field: "organisation", desc: false },
          { field: "user", desc: false },
        ],
      ],
      [
        "by type then newest (chunks by the id list)",
        [
          { field: "type", desc: false },
          { field: "timestamp", desc: true },
        ],
      ],
    ] as [string, SortTerm<EventSortField>[]][])(
      "%s: holds exactly the events counted when it started, in order, across many chunks",
      async (_, sort) => {
        const expected = await listed(sort);
        const { total, csv } = await store.exportEvents(reach, {}, sort, { chunkRows: 50 });
        expect(total).toBe(expected.length);
        const read: string[] = [];
        let written = 0;
        const decoder = new TextDecoder();
        for (let next = await csv.next(); next.done !== true; next = await csv.next()) {
          read.push(...csvRecords(decoder.decode(next.value)));
          // Between chunks: events that sort before, among and after the rows still to come.
          for (const at of [0.1, 0.5, 0.9]) {
            const timestamp = timestamps[Math.floor(timestamps.length * at)] ?? "2026-11-01T00:00:00Z";
            await logContainerEvent(store, target, 2, { event_type: "ACCESS", status: "FAILURE", timestamp });
            written++;
          }
        }
        expect(written).toBeGreaterThanOrEqual(3 * Math.floor(expected.length / 50));
        expect(read).toEqual(expected);
        expect(await store.countEvents(reach, {})).toBe(total + written);
      },
    );
  });
});
