import { afterAll, describe, expect, it } from "vitest";
import type { EventFilter } from "../../contract/filter-fields";
import { byValue, facetGroupsOf } from "../test/facet-model";
import { modelList } from "../test/event-model";
import type { EventScope } from "./event-store";
import { facetFields } from "../../contract/facets";
import { fixtureNowMs, seededStore } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

const reach: EventScope = { orgIds: [1, 2, 3] };
const newestFirst = [{ field: "timestamp" as const, desc: true }];
const hourMs = 3_600_000;

describeEachStore(async (factory) => {
  const fixture = await seededStore(factory, 4000);
  afterAll(async () => {
    await fixture.close();
  });
  const { store, events } = fixture;

  describe("one event", () => {
    it("finds an event of the organisations in the list shape, and nothing outside them", async () => {
      for (const event of [events[0], events[1234], events.at(-1)]) {
        if (!event) throw new Error("the demo data is too small");
        expect(await store.findEvent([event.organisation.id], event.id)).toEqual(event);
        const others = [1, 2, 3, 4].filter((id) => id !== event.organisation.id);
        expect(await store.findEvent(others, event.id)).toBeUndefined();
      }
      expect(await store.findEvent([1, 2, 3, 4], 99_999_999)).toBeUndefined();
    });
  });

  describe("facet groups", () => {
    const filters: [string, EventFilter, EventScope][] = [
      ["no filter", {}, reach],
      ["tallied filters", { severity: [1, 2], alert: [false] }, reach],
      ["a view and a substring", { description: ["a"] }, { ...reach, failuresOnly: true }],
      ["a time range", { from: [fixtureNowMs - 10 * 24 * hourMs], until: [fixtureNowMs] }, { orgIds: [2] }],
      // Whole days from the value tallies, the partial first and last days on the events.
      [
        "tallied filters in a range of partial days",
        {
          severity: [0, 2],
          from: [fixtureNowMs - 6 * 24 * hourMs - 1234],
          until: [fixtureNowMs - 3 * hourMs],
        },
        reach,
      ],
      ["the failures view", {}, { ...reach, failuresOnly: true }],
      [
        "the failures view in a range",
        { from: [fixtureNowMs - 20 * 24 * hourMs + 7], until: [fixtureNowMs - 5 * hourMs - 9] },
        { ...reach, failuresOnly: true },
      ],
    ];
    it.each(filters)("groups every field exactly, %s", async (_, filter, scope) => {
      const matching = modelList(events, scope, filter, newestFirst);
      const groups = await store.facetGroups(scope, filter, facetFields);
      for (const field of facetFields) {
        expect(byValue(groups[field] ?? []), field).toEqual(facetGroupsOf(matching, field));
      }
    });
  });

  describe("histogram", () => {
    it("counts the matching events per bucket from the start", async () => {
      const filter: EventFilter = {
        from: [fixtureNowMs - 3 * 24 * hourMs + 1234],
        until: [fixtureNowMs],
        severity: [0],
      };
      const startMs = Math.floor((filter.from?.[0] ?? 0) / hourMs) * hourMs;
      const expected = new Map<number, number>();
      for (const event of modelList(events, reach, filter, newestFirst)) {
        const bucket = Math.floor((Date.parse(event.timestamp) - startMs) / hourMs);
        expected.set(bucket, (expected.get(bucket) ?? 0) + 1);
      }
      const answered = await store.histogram(reach, filter, { startMs, intervalMs: hourMs });
      expect(new Map(answered)).toEqual(expected);
      expect(expected.size).toBeGreaterThan(20);
    });
  });
});
