import { afterAll, describe, expect, it } from "vitest";
import type { EventFilter } from "../../contract/filter-fields";
import { modelList } from "../test/event-model";
import type { EventScope } from "./event-store";
import { allOrgs, fixtureNowMs, logContainerEvent, seededStore } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

const views: [string, EventScope, EventFilter][] = [
  ["the reach", allOrgs, {}],
  ["failed container events", { orgIds: [1, 2, 3], failuresOnly: true }, {}],
  ["a source", { orgIds: [2] }, { source: [2] }],
  ["a status", allOrgs, { status: ["FAILURE"] }],
];

describeEachStore((factory) => {
  const fixture = seededStore(factory, 3000);
  afterAll(() => {
    fixture.close();
  });

  /** Counted from the events themselves, the way no cache or tally can. */
  const trueCount = (scope: EventScope, filter: EventFilter) =>
    modelList(fixture.reload(), scope, filter, []).length;

  describe("counts after writes", () => {
    const { store, world } = fixture;
    const container = store.findContainer(
      [2],
      world.containers.find((c) => c.organisationId === 2)?.id ?? "",
    );
    if (!container) throw new Error("the demo world has no container in organisation 2");

    it("starts equal to the events", () => {
      for (const [, scope, filter] of views)
        expect(store.countEvents(scope, filter)).toBe(trueCount(scope, filter));
    });

    it("follows this connection's writes", async () => {
      const before = views.map(([, scope, filter]) => store.countEvents(scope, filter));
      await logContainerEvent(store, container, 2, {
        event_type: "ACCESS",
        status: "FAILURE",
        timestamp: new Date(fixtureNowMs).toISOString(),
      });
      views.forEach(([, scope, filter], i) => {
        expect(store.countEvents(scope, filter)).toBe(trueCount(scope, filter));
        expect(store.countEvents(scope, filter)).toBe((before[i] ?? 0) + 1);
      });
    });

    it("follows another connection's writes", async () => {
      const other = fixture.connect();
      try {
        await logContainerEvent(other, container, 2, {
          event_type: "BLOCK",
          status: "SUCCESS",
          timestamp: new Date(fixtureNowMs).toISOString(),
        });
      } finally {
        other.close();
      }
      for (const [, scope, filter] of views)
        expect(store.countEvents(scope, filter)).toBe(trueCount(scope, filter));
    });
  });
});
