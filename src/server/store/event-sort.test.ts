import { afterAll, describe, expect, it } from "vitest";
import type { EventFilter } from "../../contract/filter-fields";
import { eventSortFields, type EventSortField } from "../../contract/sort-fields";
import type { SortTerm } from "../../contract/sort-grammar";
import { modelList } from "../test/event-model";
import type { EventScope } from "./event-store";
import { seededStore } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

const reach: EventScope = { orgIds: [1, 2, 3] };
const single = eventSortFields.flatMap((field) => [
  { field, desc: false },
  { field, desc: true },
]);

describeEachStore(async (factory) => {
  const fixture = await seededStore(factory, 5000);
  afterAll(async () => {
    await fixture.close();
  });
  const { store, events } = fixture;

  async function pages(
    scope: EventScope,
    filter: EventFilter,
    sort: SortTerm<EventSortField>[],
    perPage: number,
    maxPages = Infinity,
  ): Promise<number[]> {
    const ids: number[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const { rows } = await store.listEvents(scope, filter, sort, { page, perPage });
      ids.push(...rows.map((e) => e.id));
      if (rows.length < perPage) break;
    }
    return ids;
  }

  describe.each(single)("sort $field (desc: $desc)", (term) => {
    it("reads every event in the contract's order, paged without gaps or repeats", async () => {
      const expected = modelList(events, reach, {}, [term]).map((e) => e.id);
      expect(await pages(reach, {}, [term], 1000)).toEqual(expected);
      expect(await pages(reach, {}, [term], 37, 12)).toEqual(expected.slice(0, 37 * 12));
    });
  });

  it.each([
    [
      [
        { field: "severity", desc: true },
        { field: "timestamp", desc: false },
      ],
    ],
    [
      [
        { field: "organisation", desc: false },
        { field: "user", desc: true },
      ],
    ],
    [
      [
        { field: "alert", desc: true },
        { field: "endpoint", desc: false },
        { field: "id", desc: false },
      ],
    ],
    [
      [
        { field: "id", desc: false },
        { field: "timestamp", desc: true },
      ],
    ],
  ] as SortTerm<EventSortField>[][][])("sorts by several fields in turn: %j", async (sort) => {
    expect(await pages(reach, {}, sort, 500)).toEqual(modelList(events, reach, {}, sort).map((e) => e.id));
  });

  it.each([false, true])(
    "reads a filtered list by time (desc: %s) page after page, deep pages too, as the model does",
    async (desc) => {
      const filter: EventFilter = { alert: [false] };
      const sort: SortTerm<EventSortField>[] = [{ field: "timestamp", desc }];
      const expected = modelList(events, reach, filter, sort).map((e) => e.id);
      expect(expected.length).toBeGreaterThan(2500);
      expect(await pages(reach, filter, sort, 211)).toEqual(expected);
    },
  );

  it("nulls sort last in both directions", async () => {
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const field of ["user", "endpoint", "iccid"] as const) {
      for (const desc of [false, true]) {
        const keys = (await pages(reach, {}, [{ field, desc }], 1000)).map((id) => {
          const e = byId.get(id);
          return field === "user" ? e?.user : field === "endpoint" ? e?.endpoint : e?.sim;
        });
        const firstNull = keys.indexOf(null);
        expect(firstNull, `${field} ${String(desc)}`).toBeGreaterThan(0);
        expect(keys.slice(firstNull).every((key) => key === null)).toBe(true);
      }
    }
  });
});
