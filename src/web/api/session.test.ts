import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type * as RequestModule from "./request";
import type * as SessionModule from "./session";

// The real server issues hour-long tokens; these tests need tokens about to expire, so the API is faked.
const origin = "http://api.test";
const url = (path: string) => `${origin}/api/v1${path}`;
const server = setupServer();
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
/** A token as the server issues them, `issuedSecondsAgo` before now (an hour-long token about to expire: 3590). */
const jwt = (name: string, expiresInSeconds: number, issuedSecondsAgo = 0) => {
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: "HS256" })}.${encode({ sub: name, iat: now - issuedSecondsAgo, exp: now + expiresInSeconds })}.sig`;
};

let session: typeof SessionModule;
let client: typeof RequestModule;

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
});
beforeEach(async () => {
  vi.stubEnv("VITE_EVENTDESK_API_URL", origin);
  // Each test imports the module afresh; earlier copies must not hear this one's sign-ins (e2e covers tabs).
  vi.stubGlobal("BroadcastChannel", undefined);
  vi.resetModules();
  // A new tab first asks for the browser's cookie session; here there is none.
  server.use(
    http.post(url("/authenticate"), () =>
      HttpResponse.json({ error: "unauthorized", message: "No session." }, { status: 401 }),
    ),
  );
  session = await import("./session");
  client = await import("./request");
  await vi.waitFor(() => {
    expect(session.getSession()).toEqual({ status: "signed-out", reason: "initial" });
  });
  server.resetHandlers();
});
afterEach(async () => {
  server.resetHandlers(http.delete(url("/authenticate"), () => new HttpResponse(null, { status: 204 })));
  await session.logout();
  server.resetHandlers();
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});
afterAll(() => {
  server.close();
});

const me = z.object({ token: z.string() });
/** GET /me echoes the bearer token it received. */
const echoMe = http.get(url("/me"), ({ request }) =>
  HttpResponse.json({ token: request.headers.get("authorization") ?? "" }),
);

function signIn(authToken: string, refresh = "refresh-1") {
  server.use(
    http.post(url("/authenticate"), async ({ request }) => {
      const body = (await request.json()) as Record<string, string>;
      if (body.password === "demo")
        return HttpResponse.json({ auth_token: authToken, refresh_token: refresh });
      return HttpResponse.json(
        { error: "unauthorized", message: "Wrong username or password." },
        { status: 401 },
      );
    }),
  );
  return session.login("admin@acme.test", "demo");
}

describe("session", () => {
  it("in a cookie session keeps no refresh token: refresh and sign-out send {} with the session header", async () => {
    const sent: { method: string; header: string | null; body: unknown }[] = [];
    server.use(
      http.all(url("/authenticate"), async ({ request }) => {
        sent.push({
          method: request.method,
          header: request.headers.get("x-eventdesk-session"),
          body: await request.json(),
        });
        if (request.method === "DELETE") return new HttpResponse(null, { status: 204 });
        return HttpResponse.json({ auth_token: jwt("ada", 10, 3590) });
      }),
      echoMe,
    );
    await session.login("admin@acme.test", "demo");
    await client.request("/me", { schema: me });
    await session.logout();
    expect(sent).toEqual([
      { method: "POST", header: "cookie", body: { username: "admin@acme.test", password: "demo" } },
      { method: "POST", header: "cookie", body: {} },
      { method: "DELETE", header: "cookie", body: {} },
    ]);
    expect(session.getSession()).toEqual({ status: "signed-out", reason: "signed-out" });
  });

  it("signs in, tells subscribers, and sends the auth token with every request", async () => {
    const listener = vi.fn();
    session.subscribeSession(listener);
    const token = jwt("ada", 3600);
    await signIn(token);
    expect(session.getSession()).toEqual({ status: "signed-in" });
    expect(listener).toHaveBeenCalled();
    server.use(echoMe);
    expect((await client.request("/me", { schema: me })).data.token).toBe(`Bearer ${token}`);
  });

  it("refreshes a token about to expire before using it", async () => {
    const fresh = jwt("ada-2", 3600);
    let refreshedWith: unknown;
    await signIn(jwt("ada", 10, 3590));
    server.use(
      http.post(url("/authenticate"), async ({ request }) => {
        refreshedWith = await request.json();
        return HttpResponse.json({ auth_token: fresh });
      }),
      echoMe,
    );
    expect((await client.request("/me", { schema: me })).data.token).toBe(`Bearer ${fresh}`);
    expect(refreshedWith).toEqual({ refresh_token: "refresh-1" });
    expect(session.getSession().status).toBe("signed-in");
  });

  it("refreshes on a timer a minute before the token expires", async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 18, 12, 30), toFake: ["setTimeout", "clearTimeout", "Date"] });
    const refreshed = vi.fn();
    await signIn(jwt("ada", 120, 3480));
    server.use(
      http.post(url("/authenticate"), () => {
        refreshed();
        return HttpResponse.json({ auth_token: jwt("ada-2", 3600) });
      }),
    );
    await vi.advanceTimersByTimeAsync(50_000);
    expect(refreshed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(refreshed).toHaveBeenCalledOnce();
  });

  it("refreshes a short-lived token once shortly before it expires, never in a loop", async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 18, 12, 30), toFake: ["setTimeout", "clearTimeout", "Date"] });
    const refreshed = vi.fn();
    await signIn(jwt("ada", 15));
    server.use(
      http.post(url("/authenticate"), () => {
        refreshed();
        return HttpResponse.json({ auth_token: jwt("ada", 15) });
      }),
      echoMe,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(refreshed).not.toHaveBeenCalled();
    // Requests in between do not refresh a token with most of its life ahead.
    await client.request("/me", { schema: me });
    expect(refreshed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(refreshed).toHaveBeenCalledOnce();
    // A 15 s token is refreshed 3.75 s before it expires: 5 times a minute, as the 250 a second was not.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refreshed.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(refreshed.mock.calls.length).toBeLessThanOrEqual(7);
    expect(session.getSession().status).toBe("signed-in");
  });

  it("ends the session as expired when the server refuses the token", async () => {
    await signIn(jwt("ada", 3600));
    server.use(
      http.get(url("/me"), () =>
        HttpResponse.json({ error: "unauthorized", message: "The token was revoked." }, { status: 401 }),
      ),
    );
    await expect(client.request("/me", { schema: me })).rejects.toMatchObject({ kind: "unauthorized" });
    expect(session.getSession()).toEqual({ status: "signed-out", reason: "expired" });
  });

  it("ends the session when the refresh token is refused", async () => {
    await signIn(jwt("ada", 5, 3595));
    server.use(
      http.post(url("/authenticate"), () =>
        HttpResponse.json({ error: "unauthorized", message: "Refresh token revoked." }, { status: 401 }),
      ),
    );
    await expect(client.request("/me", { schema: me })).rejects.toMatchObject({ kind: "unauthorized" });
    expect(session.getSession()).toEqual({ status: "signed-out", reason: "expired" });
  });

  it("keeps the session signed out after a wrong password", async () => {
    server.use(
      http.post(url("/authenticate"), () =>
        HttpResponse.json({ error: "unauthorized", message: "Wrong username or password." }, { status: 401 }),
      ),
    );
    await expect(session.login("admin@acme.test", "nope")).rejects.toMatchObject({
      kind: "unauthorized",
      message: "Wrong username or password.",
    });
    expect(session.getSession()).toEqual({ status: "signed-out", reason: "initial" });
  });

  it("revokes the refresh token on sign-out", async () => {
    await signIn(jwt("ada", 3600), "refresh-9");
    let revoked: unknown;
    server.use(
      http.delete(url("/authenticate"), async ({ request }) => {
        revoked = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await session.logout();
    expect(revoked).toEqual({ refresh_token: "refresh-9" });
    expect(session.getSession()).toEqual({ status: "signed-out", reason: "signed-out" });
    await expect(client.request("/me", { schema: me })).rejects.toMatchObject({ kind: "unauthorized" });
  });

  describe("a sign-out the server has not confirmed", () => {
    const now = Date.UTC(2026, 10, 18, 12, 30);

    function answerSignOut(...answers: (() => Response)[]) {
      let calls = 0;
      server.use(
        http.delete(url("/authenticate"), () => {
          const answer = answers[Math.min(calls, answers.length - 1)];
          calls++;
          if (!answer) throw new Error("no answer for this sign-out");
          return answer();
        }),
      );
      return () => calls;
    }

    const unavailable = (retryAfter?: string) => () =>
      HttpResponse.json(
        { error: "service_unavailable", message: "The disk is full." },
        { status: 503, headers: retryAfter === undefined ? {} : { "retry-after": retryAfter } },
      );
    const revoked = () => new HttpResponse(null, { status: 204 });

    beforeEach(() => {
      vi.useFakeTimers({ now, toFake: ["setTimeout", "clearTimeout", "Date"] });
    });

    it("stays signed in, says why, and retries after Retry-After", async () => {
      await signIn(jwt("ada", 3600));
      const calls = answerSignOut(unavailable("7"), revoked);
      await session.logout();

      expect(session.getSession()).toMatchObject({
        status: "signed-in",
        signOut: { sending: false, failure: { retryAt: now + 7_000, error: { kind: "server" } } },
      });
      await vi.advanceTimersByTimeAsync(6_900);
      expect(calls()).toBe(1);
      await vi.advanceTimersByTimeAsync(200);
      expect(calls()).toBe(2);
      expect(session.getSession()).toEqual({ status: "signed-out", reason: "signed-out" });
    });

    it("backs off from 2 s when the server names no time, and retries at once when asked", async () => {
      await signIn(jwt("ada", 3600));
      const calls = answerSignOut(unavailable(), unavailable(), unavailable(), revoked);
      await session.logout();
      expect(session.getSession()).toMatchObject({ signOut: { failure: { retryAt: now + 2_000 } } });
      await vi.advanceTimersByTimeAsync(2_000);
      expect(calls()).toBe(2);
      expect(session.getSession()).toMatchObject({ signOut: { failure: { retryAt: now + 2_000 + 4_000 } } });

      await session.logout();
      expect(calls()).toBe(3);
      expect(session.getSession()).toMatchObject({ status: "signed-in" });
      await vi.advanceTimersByTimeAsync(8_000);
      expect(calls()).toBe(4);
      expect(session.getSession()).toEqual({ status: "signed-out", reason: "signed-out" });
    });

    it("does not retry a request the server refused, and ends the session when the token is already invalid", async () => {
      await signIn(jwt("ada", 3600));
      const calls = answerSignOut(
        () =>
          HttpResponse.json({ error: "bad_request", message: "refresh_token: Required" }, { status: 400 }),
        () => HttpResponse.json({ error: "unauthorized", message: "Not signed in." }, { status: 401 }),
      );
      await session.logout();
      expect(session.getSession()).toMatchObject({
        status: "signed-in",
        signOut: { sending: false, failure: { retryAt: undefined, error: { kind: "bad_request" } } },
      });
      await vi.advanceTimersByTimeAsync(120_000);
      expect(calls()).toBe(1);

      await session.logout();
      expect(session.getSession()).toEqual({ status: "signed-out", reason: "signed-out" });
    });
  });
});
