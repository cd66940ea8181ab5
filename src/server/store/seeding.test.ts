import { describe, expect, it } from "vitest";
import { demoEvents } from "../demo/demo-events";
import { demoWorld, noLoginHash } from "../demo/demo-world";
import { fixtureNowMs } from "./test-fixture";
import { describeEachStore, freshStores } from "./test-store-factories";

describeEachStore((factory) => {
  const fresh = freshStores(factory);

  describe("seeding", () => {
    it("loads the world: organisations, users, catalogue", () => {
      const { store } = fresh();
      store.seed(
        demoWorld("the-hash", fixtureNowMs),
        demoEvents(demoWorld("the-hash", fixtureNowMs), 200, fixtureNowMs),
      );
      expect(store.organisations()).toEqual([
        { id: 1, name: "Acme Group", parent_id: null },
        { id: 2, name: "Acme Logistics", parent_id: 1 },
        { id: 3, name: "Acme Retail", parent_id: 1 },
        { id: 4, name: "Globex", parent_id: null },
      ]);
      expect(store.findUserByUsername("admin@acme.test")).toEqual({
        id: 1,
        username: "admin@acme.test",
        name: "Ada Lindqvist",
        role: "admin",
        organisationId: 1,
        passwordHash: "the-hash",
      });
      expect(store.findUserByUsername("SUPPORT@acme.TEST")?.role).toBe("support");
      expect(store.findUserById(3)?.username).toBe("admin@globex.test");
      expect(store.findUserById(4)?.passwordHash).toBe(noLoginHash);
      expect(store.findUserByUsername("nobody@acme.test")).toBeUndefined();
      const catalogue = store.eventTypes();
      expect(catalogue.sources).toEqual([
        { id: 0, description: "Network" },
        { id: 1, description: "Policy Control" },
        { id: 2, description: "API" },
      ]);
      expect(catalogue.severities.map((s) => s.description)).toEqual(["Info", "Warn", "Critical"]);
      expect(catalogue.event_types).toContainEqual({ id: 51, description: "SIM Assigned" });
      expect(catalogue.event_types).toContainEqual({ id: 103, description: "EXPIRE" });
      expect(store.countEvents({ orgIds: [1, 2, 3, 4] }, {})).toBe(200);
    });

    it("seeds only an empty store: a second seed writes nothing and says so", () => {
      const { store } = fresh();
      const world = demoWorld("hash", fixtureNowMs);
      expect(store.seed(world, [])).toBe(true);
      expect(store.seed(world, demoEvents(world, 5, fixtureNowMs))).toBe(false);
      expect(store.countEvents({ orgIds: [1, 2, 3, 4] }, {})).toBe(0);
    });

    it("is all or nothing: a bad event leaves the store empty", () => {
      const { store } = fresh();
      const world = demoWorld("hash", fixtureNowMs);
      const [good] = demoEvents(world, 1, fixtureNowMs);
      if (!good) throw new Error("no event");
      expect(() => {
        store.seed(world, [good, { ...good, endpointId: 9999 }]);
      }).toThrow(/endpoint 9999/);
      expect(store.isEmpty()).toBe(true);
      store.seed(world, [good]);
      expect(store.countEvents({ orgIds: [1, 2, 3, 4] }, {})).toBe(1);
    });
  });
});
