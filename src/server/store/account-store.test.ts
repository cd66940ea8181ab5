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

  describe("sign-in failures", () => {
    const minute = 60_000;
    const rule = { maxFailures: 3, windowMs: 5 * minute };

    it("lock a key at the last allowed failure for a window from it, forget old failures, and reset on success", async () => {
      const { store } = await fresh();
      const t0 = fixtureNowMs;
      await store.recordSignInFailure("ada", rule, t0);
      await store.recordSignInFailure("ada", rule, t0 + minute);
      expect(await store.signInRetryAfterMs("ada", t0 + minute)).toBe(0);
      await store.recordSignInFailure("ada", rule, t0 + 2 * minute);
      expect(await store.signInRetryAfterMs("ada", t0 + 2 * minute)).toBe(5 * minute);
      expect(await store.signInRetryAfterMs("ada", t0 + 6 * minute)).toBe(minute);
      expect(await store.signInRetryAfterMs("ada", t0 + 7 * minute)).toBe(0);
      expect(await store.signInRetryAfterMs("bob", t0 + 2 * minute)).toBe(0);

      await store.recordSignInFailure("bob", rule, t0);
      await store.recordSignInFailure("bob", rule, t0 + 1);
      await store.recordSignInFailure("bob", rule, t0 + 5 * minute + 2);
      expect(await store.signInRetryAfterMs("bob", t0 + 5 * minute + 2)).toBe(0);

      await store.recordSignInFailure("cy", rule, t0);
      await store.recordSignInFailure("cy", rule, t0);
      await store.forgetSignInFailures("cy");
      await store.recordSignInFailure("cy", rule, t0);
      expect(await store.signInRetryAfterMs("cy", t0)).toBe(0);

      // A typed username may hold anything, NUL included.
      for (let i = 0; i < 3; i++) await store.recordSignInFailure("d\0n", rule, t0);
      expect(await store.signInRetryAfterMs("d\0n", t0)).toBe(5 * minute);
      expect(await store.signInRetryAfterMs("d", t0)).toBe(0);
      await store.forgetSignInFailures("d\0n");
      expect(await store.signInRetryAfterMs("d\0n", t0)).toBe(0);
    });

    it("count every failure of parallel attempts, through any connection to the store", async () => {
      const handle = await fresh();
      const other = await handle.connect();
      try {
        const t0 = fixtureNowMs;
        await Promise.all([
          handle.store.recordSignInFailure("ada", rule, t0),
          other.recordSignInFailure("ada", rule, t0),
        ]);
        await handle.store.recordSignInFailure("ada", rule, t0);
        const locked = await handle.store.signInRetryAfterMs("ada", t0);
        // SQLite keeps the counts in the server's process: another connection is another server's count.
        if (factory.name === "PostgreSQL") expect(await other.signInRetryAfterMs("ada", t0)).toBe(5 * minute);
        expect(locked).toBe(factory.name === "PostgreSQL" ? 5 * minute : 0);
      } finally {
        await other.close();
      }
    });
  });
});
