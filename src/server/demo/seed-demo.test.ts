import { afterAll, expect, it } from "vitest";
import { verifyPassword } from "../auth/password";
import { fixtureNowMs } from "../store/test-fixture";
import { describeEachStore } from "../store/test-store-factories";
import { seedDemo } from "./seed-demo";

const dayMs = 86_400_000;

describeEachStore(async (factory) => {
  const opened = await factory.open();
  const { store } = opened;
  afterAll(async () => {
    await opened.remove();
  });

  it("seeds the demo world with one password for the documented logins, over the 90 days up to nowMs", async () => {
    await seedDemo(store, { events: 300, password: "s3cret", nowMs: fixtureNowMs });
    const everyone = { orgIds: [1, 2, 3, 4] };
    expect(await store.countEvents(everyone, {})).toBe(300);
    const first = async (desc: boolean) =>
      Date.parse(
        (await store.listEvents(everyone, {}, [{ field: "timestamp", desc }], { page: 1, perPage: 1 }))
          .rows[0]?.timestamp ?? "",
      );
    expect(await first(true)).toBeLessThanOrEqual(fixtureNowMs);
    expect(await first(true)).toBeGreaterThan(fixtureNowMs - dayMs);
    expect(await first(false)).toBeGreaterThanOrEqual(fixtureNowMs - 90 * dayMs);
    expect(await first(false)).toBeLessThan(fixtureNowMs - 89 * dayMs);
    for (const username of ["admin@acme.test", "support@acme.test", "admin@globex.test"]) {
      const user = await store.findUserByUsername(username);
      expect(await verifyPassword("s3cret", user?.passwordHash ?? ""), username).toBe(true);
      expect(await verifyPassword("demo", user?.passwordHash ?? ""), username).toBe(false);
    }
    const actor = await store.findUserById(4);
    expect(actor).toBeDefined();
    expect(await verifyPassword("s3cret", actor?.passwordHash ?? "")).toBe(false);
  });
});
