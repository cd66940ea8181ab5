import { describe, expect, it } from "vitest";
import { demoWorld, noLoginHash } from "../demo/demo-world";
import { fixtureNowMs } from "./test-fixture";
import { describeEachStore, freshStores } from "./test-store-factories";

describeEachStore((factory) => {
  const fresh = freshStores(factory);

  describe("tokens", () => {
    it("keeps one 32-byte signing secret across restarts", () => {
      const handle = fresh();
      const secret = handle.store.signingSecret();
      expect(secret).toBeInstanceOf(Uint8Array);
      expect(secret.length).toBe(32);
      expect(handle.store.signingSecret()).toEqual(secret);
      expect(handle.reopen().signingSecret()).toEqual(secret);
      expect(fresh().store.signingSecret()).not.toEqual(secret);
    });

    it("keeps sessions until they end or expire, across restarts", () => {
      const handle = fresh();
      const { store } = handle;
      store.seed(demoWorld(noLoginHash, fixtureNowMs), []);
      const now = fixtureNowMs;
      const userId = store.findUserByUsername("admin@acme.test")?.id ?? -1;
      expect(store.sessionUserId("a")).toBeUndefined();
      store.startSession({ id: "a", userId, expiresAtMs: now + 60_000 }, now);
      store.startSession({ id: "old", userId, expiresAtMs: now - 1 }, now - 60_000);
      store.startSession({ id: "b", userId, expiresAtMs: now + 60_000 }, now);
      expect(store.sessionUserId("a")).toBe(userId);
      expect(store.sessionUserId("old")).toBeUndefined();
      store.endSession("b");
      expect(store.sessionUserId("b")).toBeUndefined();
      expect(handle.reopen().sessionUserId("a")).toBe(userId);
    });
  });
});
