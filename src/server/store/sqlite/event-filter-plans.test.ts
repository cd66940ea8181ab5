import { afterAll, describe, expect, it } from "vitest";
import { modelList } from "../../test/event-model";
import { eventFilterCases, filterScopes, newestFirst } from "../test-filter-cases";
import { seededSqliteStore } from "./test-fixture";
import { planRunner } from "./test-plans";

// The store's filter tests (../event-filters.test.ts) see only the plan the planner picks; these run every
// case under each plan, so a plan the planner seldom picks for the demo data must answer alike too.
const fixture = await seededSqliteStore(6000);
const plans = planRunner(fixture.file);
afterAll(async () => {
  plans.close();
  await fixture.close();
});
const { events } = fixture;
const cases = eventFilterCases(events, fixture.world);

describe.each(filterScopes)("filters in %s", (_, scope) => {
  it.each(cases)("%s: the walk and the filter plan answer the matching events alike", (_label, filter) => {
    const expected = modelList(events, scope, filter, newestFirst).map((e) => e.id);
    for (const kind of ["walk", "filter"] as const) {
      const rows = plans.list(kind, scope, filter, newestFirst);
      if (rows)
        expect(
          rows.rows.map((e) => e.id),
          kind,
        ).toEqual(expected);
    }
  });
});
