import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tokensSchema } from "../../contract/auth";
import { containerListSchema } from "../../contract/container";
import { defaultConfig, type Config } from "../config";
import { seedDemo } from "../demo/seed-demo";
import type { EventStore } from "../store/event-store";
import { openSqliteStore } from "../store/sqlite/sqlite-store";
import { StoreUnavailableError } from "../store/store-unavailable";
import { tempDbPath, testNowMs } from "./server-fixture";
import { createApp } from "../http/app";

const temp = tempDbPath();
const store = openSqliteStore(temp.dbPath);
await seedDemo(store, { events: 200, password: "demo", nowMs: testNowMs });
afterAll(async () => {
  await store.close();
  temp.remove();
});

const staticDir = join(temp.dbPath, "..", "web");
mkdirSync(join(staticDir, "assets"), { recursive: true });
writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>EventDesk</title>");
writeFileSync(join(staticDir, "assets", "app-1234.js"), "console.log('hi')");

async function appWithClock(options: { config?: Partial<Config>; events?: EventStore } = {}) {
  let now = testNowMs;
  const config = { ...defaultConfig, staticDir, ...options.config };
  const app = await createApp({
    events: options.events ?? store,
    accounts: store,
    views: store,
    config,
    now: () => now,
  });
  const json = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(`/api/v1${path}`, {
      method,
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...headers },
    });
  const login = (username: string, password = "demo") =>
    json("POST", "/authenticate", { username, password });
  return { app, json, login, advance: (ms: number) => (now += ms) };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("time-bound auth (in process, controlled clock)", () => {
  it("an auth token expires after EVENTDESK_TOKEN_TTL; the refresh token outlives it, then expires too", async () => {
    const { app, json, login, advance } = await appWithClock({
      config: { tokenTtlSeconds: 60, refreshTtlSeconds: 600 },
    });
    const tokens = tokensSchema.parse(await (await login("admin@acme.test")).json());
    expect((await app.request("/api/v1/me", { headers: bearer(tokens.auth_token) })).status).toBe(200);
    advance(61_000);
    const expired = await app.request("/api/v1/me", { headers: bearer(tokens.auth_token) });
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toMatch(/^Bearer .*invalid_token/);
    expect((await json("POST", "/authenticate", { refresh_token: tokens.refresh_token })).status).toBe(200);
    advance(600_000);
    expect((await json("POST", "/authenticate", { refresh_token: tokens.refresh_token })).status).toBe(401);
  });

  it("a username lock lasts five minutes from the locking failure, then the right password works", async () => {
    const { login, advance } = await appWithClock();
    for (let i = 0; i < 5; i++) expect((await login("admin@globex.test", "wrong")).status).toBe(401);
    const locked = await login("ADMIN@globex.test");
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("300");
    advance(299_000);
    expect((await login("admin@globex.test")).headers.get("retry-after")).toBe("1");
    advance(1_000);
    expect((await login("admin@globex.test")).status).toBe(200);
  });

  it("parallel guesses cannot slip past the count", async () => {
    const { login } = await appWithClock();
    const replies = await Promise.all(Array.from({ length: 12 }, () => login("support@acme.test", "wrong")));
    expect(replies.filter((r) => r.status === 401)).toHaveLength(5);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it("thirty failures from one address slow it down but lock out no other username", async () => {
    const { login } = await appWithClock();
    for (let i = 0; i < 30; i++) expect((await login(`nobody${i}@acme.test`, "wrong")).status).toBe(401);
    expect((await login("admin@acme.test")).status).toBe(200);
  });

  it("signing out ends the auth tokens of that session at once", async () => {
    const { app, json, login } = await appWithClock();
    const tokens = tokensSchema.parse(await (await login("admin@acme.test")).json());
    expect((await json("DELETE", "/authenticate", { refresh_token: tokens.refresh_token })).status).toBe(204);
    expect((await app.request("/api/v1/me", { headers: bearer(tokens.auth_token) })).status).toBe(401);
  });
});

describe("a store that cannot write", () => {
  it("answers the store's typed refusal as 503 unavailable while reads keep working", async () => {
    const readOnly = new Proxy(store, {
      get(target, key, receiver) {
        if (key === "insertContainerEvents") {
          return () => Promise.reject(new StoreUnavailableError("cannot_write", "the disk is full"));
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const { app, json, login } = await appWithClock({ events: readOnly });
    const { auth_token } = tokensSchema.parse(await (await login("admin@acme.test")).json());
    const containers = await app.request("/api/v1/orgs/1/containers", { headers: bearer(auth_token) });
    const container = containerListSchema.parse(await containers.json())[0];
    if (!container) throw new Error("no container");
    const event = { event_type: "ACCESS", timestamp: "2026-01-01T00:00:00Z", status: "SUCCESS" };
    const reply = await json("POST", `/orgs/1/containers/${container.id}/events`, event, bearer(auth_token));
    expect(reply.status).toBe(503);
    const body = (await reply.json()) as { error: string; message: string };
    expect(body.error).toBe("unavailable");
    expect(body.message).toMatch(/read-only or full/);
    expect(reply.headers.get("retry-after")).toBeTruthy();
    expect((await app.request("/api/v1/orgs/1/events", { headers: bearer(auth_token) })).status).toBe(200);
  });
});

describe("the dashboard and browser headers", async () => {
  const { app } = await appWithClock({ config: { corsOrigins: ["https://console.example.com"] } });

  it("serves index.html at / and for the SPA's routes, revalidated, with the security headers", async () => {
    for (const path of ["/", "/orgs/1/events", "/login"]) {
      const reply = await app.request(path);
      expect(reply.status, path).toBe(200);
      expect(await reply.text()).toContain("<title>EventDesk</title>");
      expect(reply.headers.get("cache-control")).toBe("no-cache");
      const csp = reply.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("connect-src 'self' https://console.example.com");
      expect(reply.headers.get("x-frame-options")).toBe("DENY");
      expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
      expect(reply.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });

  it("caches hashed assets for a year; a missing file is a 404, not index.html", async () => {
    const asset = await app.request("/assets/app-1234.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await app.request("/assets/missing.js")).status).toBe(404);
    const api = await app.request("/api/v1/nothing/here");
    expect(api.status).toBe(401);
    expect(api.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("answers CORS only for configured origins, exposing the list headers", async () => {
    const preflight = (origin: string) =>
      app.request("/api/v1/orgs/1/events", {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "GET",
          "access-control-request-headers": "authorization",
        },
      });
    const allowed = await preflight("https://console.example.com");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://console.example.com");
    expect(allowed.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const denied = await preflight("https://evil.example.com");
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
    const health = await app.request("/api/v1/openapi.json", {
      headers: { origin: "https://console.example.com" },
    });
    expect(health.headers.get("access-control-expose-headers")).toContain("x-total-count");
  });
});
