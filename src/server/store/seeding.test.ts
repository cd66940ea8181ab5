import { describe, expect, it } from "vitest";
import { demoEvents } from "../demo/demo-events";
import { demoWorld, noLoginHash } from "../demo/demo-world";
import { fixtureNowMs } from "./test-fixture";
import { describeEachStore, freshStores } from "./test-store-factories";

describeEachStore((factory) => {
  const fresh = freshStores(factory);

  describe("seeding", () => {
    it("loads the world: organisations, users, catalogue", async () => {
      const { store } = await fresh();
      await store.seed(
        demoWorld("the-hash", fixtureNowMs),
        demoEvents(demoWorld("the-hash", fixtureNowMs), 200, fixtureNowMs),
      );
      expect(await store.organisations()).toEqual([
        { id: 1, name: "Acme Group", parent_id: null },
        { id: 2, name: "Acme Logistics", parent_id: 1 },
        { id: 3, name: "Acme Retail", parent_id: 1 },
        { id: 4, name: "Globex", parent_id: null },
      ]);
      expect(await store.findUserByUsername("admin@acme.test")).toEqual({
        id: 1,
        username: "admin@acme.test",
        name: "Ada Lindqvist",
        role: "admin",
        organisationId: 1,
        passwordHash: "the-hash",
      });
      expect((await store.findUserByUsername("SUPPORT@acme.TEST"))?.role).toBe("support");
      expect((await store.findUserById(3))?.username).toBe("admin@globex.test");
      expect((await store.findUserById(4))?.passwordHash).toBe(noLoginHash);
      expect(await store.findUserByUsername("nobody@acme.test")).toBeUndefined();
      const catalogue = await store.eventTypes();
      expect(catalogue.sources).toEqual([
        { id: 0, description: "Network" },
        { id: 1, description: "Policy Control" },
        { id: 2, description: "API" },
      ]);
      expect(catalogue.severities.map((s) => s.description)).toEqual(["Info", "Warn", "Critical"]);
      expect(catalogue.event_types).toContainEqual({ id: 51, description: "SIM Assigned" });
      expect(catalogue.event_types).toContainEqual({ id: 103, description: "EXPIRE" });
      expect(await store.countEvents({ orgIds: [1, 2, 3, 4] }, {})).toBe(200);
    });

    it("seeds only an empty store: a second seed writes nothing and says so", async () => {
      const { store } = await fresh();
      const world = demoWorld("hash", fixtureNowMs);
      expect(await store.seed(world, [])).toBe(true);
      expect(await store.seed(world, demoEvents(world, 5, fixtureNowMs))).toBe(false);
      expect(await store.countEvents({ orgIds: [1, 2, 3, 4] }, {})).toBe(0);
    });

    it("is all or nothing: a bad event leaves the store empty", async () => {
      const { store } = await fresh();
      const world = demoWorld("hash", fixtureNowMs);
      const [good] = demoEvents(world, 1, fixtureNowMs);
      if (!good) throw new Error("no event");
      await expect(store.seed(world, [good, { ...good, endpointId: 9999 }])).rejects.toThrow(/endpoint 9999/);
      expect(await store.isEmpty()).toBe(true);
      await store.seed(world, [good]);
      expect(await store.countEvents({ orgIds: [1, 2, 3, 4] }, {})).toBe(1);
    });
  });
});
