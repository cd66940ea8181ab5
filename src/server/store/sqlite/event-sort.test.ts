import { afterAll, describe, expect, it } from "vitest";
import { eventSortFields, type EventSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";
import type { EventFilter } from "../../../contract/filter-fields";
import { modelList } from "../../test/event-model";
import type { EventScope } from "../event-store";
import { seededStore } from "./test-fixture";
import { planRunner } from "./test-plans";

const fixture = seededStore(5000);
const plans = planRunner(fixture.file);
afterAll(() => {
  plans.close();
  fixture.close();
});
const { store, events } = fixture;
const reach: EventScope = { orgIds: [1, 2, 3] };

function pages(
  scope: EventScope,
  filter: EventFilter,
  sort: SortTerm<EventSortField>[],
  perPage: number,
  maxPages = Infinity,
): number[] {
  const ids: number[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const { rows } = store.listEvents(scope, filter, sort, { page, perPage });
    ids.push(...rows.map((e) => e.id));
    if (rows.length < perPage) break;
  }
  return ids;
}

const single = eventSortFields.flatMap((field) => [
  { field, desc: false },
  { field, desc: true },
]);

describe.each(single)("sort $field (desc: $desc)", (term) => {
  it("reads every event in the contract's order, paged without gaps or repeats", () => {
    const expected = modelList(events, reach, {}, [term]).map((e) => e.id);
    expect(pages(reach, {}, [term], 1000)).toEqual(expected);
    expect(pages(reach, {}, [term], 37, 12)).toEqual(expected.slice(0, 37 * 12));
  });

  it("answers the same under both plans, for an organisation and a filtered view", () => {
    for (const [scope, filter] of [
      [reach, {}],
      [{ orgIds: [4] }, { severity: [1, 2] }],
      [{ orgIds: [1, 2, 3, 4], containerType: "ACCESS" }, {}],
    ] as [EventScope, EventFilter][]) {
      const expected = modelList(events, scope, filter, [term]).map((e) => e.id);
      for (const kind of ["walk", "filter"] as const) {
        const result = plans.list(kind, scope, filter, [term]);
        if (result)
          expect(
            result.rows.map((e) => e.id),
            `${kind} ${JSON.stringify(scope)}`,
          ).toEqual(expected);
      }
      const page = plans.list("walk", scope, filter, [term], { limit: 20, offset: 40 });
      if (page) expect(page.rows.map((e) => e.id)).toEqual(expected.slice(40, 60));
      for (const kind of ["walk", "filter"] as const) {
        const fromEnd = plans.list(kind, scope, filter, [term], { limit: 20, offset: 7, fromEnd: true });
        const end = Math.max(0, expected.length - 7);
        if (fromEnd)
          expect(
            fromEnd.rows.map((e) => e.id),
            `${kind} from the end`,
          ).toEqual(expected.slice(Math.max(0, end - 20), end));
      }
    }
  });
});

it("a walk reads its index in order: no sort step beyond ties of a timestamp", () => {
  for (const term of single) {
    const walk = plans.list("walk", reach, {}, [term], { limit: 50, offset: 0 });
    if (!walk) continue;
    const plan = plans.explain(walk.sql, walk.params);
    expect(plan.some((step) => step.includes("MERGE (UNION ALL)"))).toBe(true);
    const steps = plan.filter((step) => step.includes("TEMP B-TREE"));
    // The outer query re-sorts the page it joined (at most per_page rows); the arms must not sort.
    expect(steps.length, `${term.field} ${String(term.desc)}: ${steps.join("; ")}`).toBeLessThanOrEqual(
      term.field === "timestamp" && !term.desc ? 4 : 1,
    );
  }
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
] as SortTerm<EventSortField>[][][])("sorts by several fields in turn: %j", (sort) => {
  expect(pages(reach, {}, sort, 500)).toEqual(modelList(events, reach, {}, sort).map((e) => e.id));
});

it("nulls sort last in both directions", () => {
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const field of ["user", "endpoint", "iccid"] as const) {
    for (const desc of [false, true]) {
      const keys = pages(reach, {}, [{ field, desc }], 1000).map((id) => {
        const e = byId.get(id);
        return field === "user" ? e?.user : field === "endpoint" ? e?.endpoint : e?.sim;
      });
      const firstNull = keys.indexOf(null);
      expect(firstNull, `${field} ${String(desc)}`).toBeGreaterThan(0);
      expect(keys.slice(firstNull).every((key) => key === null)).toBe(true);
    }
  }
});
