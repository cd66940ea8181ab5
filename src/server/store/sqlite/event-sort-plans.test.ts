import { afterAll, describe, expect, it } from "vitest";
import type { EventFilter } from "../../../contract/filter-fields";
import { eventSortFields } from "../../../contract/sort-fields";
import { modelList } from "../../test/event-model";
import type { EventScope } from "../event-store";
import { seededSqliteStore } from "./test-fixture";
import { planRunner } from "./test-plans";

const fixture = await seededSqliteStore(5000);
const plans = planRunner(fixture.file);
afterAll(async () => {
  plans.close();
  await fixture.close();
});
const { events } = fixture;
const reach: EventScope = { orgIds: [1, 2, 3] };

const single = eventSortFields.flatMap((field) => [
  { field, desc: false },
  { field, desc: true },
]);

describe.each(single)("sort $field (desc: $desc)", (term) => {
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
