import { describe, expect, it } from "vitest";
import { demoWorld, noLoginHash } from "../demo/demo-world";
import { fixtureNowMs } from "./test-fixture";
import { describeEachStore, freshStores } from "./test-store-factories";

describeEachStore((factory) => {
  const fresh = freshStores(factory);

  describe("tokens", () => {
    it("keeps one 32-byte signing secret across restarts", async () => {
      const handle = await fresh();
      const secret = await handle.store.signingSecret();
      expect(secret).toBeInstanceOf(Uint8Array);
      expect(secret.length).toBe(32);
      expect(await handle.store.signingSecret()).toEqual(secret);
      expect(await (await handle.reopen()).signingSecret()).toEqual(secret);
      expect(await (await fresh()).store.signingSecret()).not.toEqual(secret);
    });

    it("keeps sessions until they end or expire, across restarts", async () => {
      const handle = await fresh();
      const { store } = handle;
      await store.seed(demoWorld(noLoginHash, fixtureNowMs), []);
      const now = fixtureNowMs;
      const userId = (await store.findUserByUsername("admin@acme.test"))?.id ?? -1;
      expect(await store.sessionUserId("a")).toBeUndefined();
      await store.startSession({ id: "a", userId, expiresAtMs: now + 60_000 }, now);
      await store.startSession({ id: "old", userId, expiresAtMs: now - 1 }, now - 60_000);
      await store.startSession({ id: "b", userId, expiresAtMs: now + 60_000 }, now);
      expect(await store.sessionUserId("a")).toBe(userId);
      expect(await store.sessionUserId("old")).toBeUndefined();
      await store.endSession("b");
      expect(await store.sessionUserId("b")).toBeUndefined();
      expect(await (await handle.reopen()).sessionUserId("a")).toBe(userId);
    });
  });
});
