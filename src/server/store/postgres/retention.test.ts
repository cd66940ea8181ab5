import { afterAll, describe, expect, it } from "vitest";
import { demoEvents } from "../../demo/demo-events";
import { demoWorld } from "../../demo/demo-world";
import { byValue, facetGroupsOf } from "../../test/facet-model";
import { allOrgs, fixtureNowMs, listAll } from "../test-fixture";
import { openPostgresStore } from "./postgres-store";
import { testAdminUrl } from "./test-database";
import { testDatabase } from "./test-fixture";

const adminUrl = testAdminUrl();
const dayMs = 86_400_000;

describe.skipIf(adminUrl === undefined)("retention on PostgreSQL", async () => {
  const database = await testDatabase(adminUrl ?? "");
  afterAll(() => database.drop());

  it("drops the months wholly older than the retention, with their tallies and stray old events, and nothing newer", async () => {
    const now = () => fixtureNowMs;
    const seeding = await openPostgresStore(database.url, { now });
    const world = demoWorld("hash", fixtureNowMs);
    await seeding.seed(world, demoEvents(world, 3000, fixtureNowMs));
    const container = world.containers[0];
    if (!container) throw new Error("no container");
    // Before any partition: it lands in events_default.
    await seeding.insertContainerEvents([
      {
        timestampMs: Date.UTC(1999, 0, 1),
        typeId: 101,
        sourceId: 2,
        severityId: 0,
        alert: false,
        status: "SUCCESS",
        description: "from another century",
        organisationId: container.organisationId,
        userId: 1,
        containerId: container.id,
        reason: null,
        clientIp: null,
      },
    ]);
    const before = await listAll(seeding);
    await seeding.close();

    // 60 days before 2026-11-18 is 2026-09-19: August ends before it, September does not.
    const store = await openPostgresStore(database.url, { now, retentionDays: 60 });
    try {
      const keptFrom = Date.UTC(2026, 8, 1);
      const expected = before.filter((e) => Date.parse(e.timestamp) >= keptFrom).map((e) => e.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(before.length - 1);
      expect((await listAll(store)).map((e) => e.id)).toEqual(expected);
      expect(await store.countEvents(allOrgs, {})).toBe(expected.length);
      const lastDays = { from: [fixtureNowMs - 30 * dayMs], until: [fixtureNowMs] };
      expect(await store.countEvents(allOrgs, { ...lastDays, severity: [0, 1, 2] })).toBe(
        before.filter((e) => Date.parse(e.timestamp) >= fixtureNowMs - 30 * dayMs).length,
      );
      const kept = before.filter((e) => Date.parse(e.timestamp) >= keptFrom);
      const groups = await store.facetGroups(allOrgs, {}, ["user", "container", "reason"]);
      for (const field of ["user", "container", "reason"] as const) {
        expect(byValue(groups[field] ?? []), field).toEqual(facetGroupsOf(kept, field));
      }
    } finally {
      await store.close();
    }
  });
});
