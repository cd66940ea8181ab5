import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tokensSchema } from "../../contract/auth";
import { startServer } from "../start-server";
import { tempDbPath, testNowMs } from "./server-fixture";

/**
 * Over a real socket, on every kind of answer (the dashboard, JSON, CSV, errors): the browser hardening
 * headers, and CORS granted only to configured origins.
 */
const temp = tempDbPath();
const staticDir = join(temp.dbPath, "..", "web");
mkdirSync(join(staticDir, "assets"), { recursive: true });
writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>EventDesk</title>");
writeFileSync(join(staticDir, "assets", "app-1234.js"), "console.log('hi')");
const allowedOrigin = "https://console.example.com";

const withCors = await startServer({
  port: 0,
  db: temp.dbPath,
  seedEvents: 300,
  seedNowMs: testNowMs,
  demoPassword: "demo",
  staticDir,
  corsOrigins: [allowedOrigin],
});
const withoutCors = await startServer({ port: 0, db: temp.dbPath, staticDir, demoPassword: "demo" });
afterAll(async () => {
  await withCors.close();
  await withoutCors.close();
  temp.remove();
});

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/authenticate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin@acme.test", password: "demo" }),
  });
  return tokensSchema.parse(await response.json()).auth_token;
}
const token = await login(withCors.url);
const auth = { authorization: `Bearer ${token}` };

const answers: [string, string, Record<string, string>][] = [
  ["the dashboard", "/", {}],
  ["a dashboard route", "/orgs/1/events", {}],
  ["an asset", "/assets/app-1234.js", {}],
  ["a JSON list", "/api/v1/orgs/1/events", auth],
  ["a CSV export", "/api/v1/orgs/1/events", { ...auth, accept: "text/csv" }],
  ["a 401", "/api/v1/orgs/1/events", {}],
  ["a 404", "/api/v1/orgs/99/events", auth],
  ["a 400", "/api/v1/orgs/abc/events", auth],
  ["/healthz", "/healthz", {}],
];

describe("hardening headers on every answer", () => {
  it.each(answers)("%s", async (_, path, headers) => {
    const response = await fetch(`${withCors.url}${path}`, { headers });
    await response.arrayBuffer();
    const csp = response.headers.get("content-security-policy") ?? "";
    const directives = new Map(
      csp.split(";").map((part) => {
        const [name = "", ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    const scripts = directives.get("script-src") ?? directives.get("default-src") ?? [];
    expect(scripts, csp).toContain("'self'");
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"]) {
      expect(scripts, csp).not.toContain(unsafe);
    }
    expect(directives.get("frame-ancestors"), csp).toEqual(["'none'"]);
    expect(directives.get("object-src"), csp).toEqual(["'none'"]);
    expect(directives.get("base-uri"), csp).toEqual(["'self'"]);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-powered-by")).toBeNull();
    if (path.startsWith("/api/")) expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("CORS", () => {
  const preflight = (url: string, origin: string, method = "GET") =>
    fetch(`${url}/api/v1/orgs/1/events`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": method,
        "access-control-request-headers": "authorization",
      },
    });

  it("a configured origin gets its own origin back, never a wildcard, on preflights and answers", async () => {
    for (const method of ["GET", "POST", "PATCH", "DELETE"]) {
      const reply = await preflight(withCors.url, allowedOrigin, method);
      expect(reply.status).toBeLessThan(300);
      expect(reply.headers.get("access-control-allow-origin")).toBe(allowedOrigin);
      expect(reply.headers.get("access-control-allow-methods")).toContain(method);
    }
    const answer = await fetch(`${withCors.url}/api/v1/orgs/1/events`, {
      headers: { ...auth, origin: allowedOrigin },
    });
    await answer.arrayBuffer();
    expect(answer.headers.get("access-control-allow-origin")).toBe(allowedOrigin);
    expect(answer.headers.get("vary")?.toLowerCase()).toContain("origin");
    expect(answer.headers.get("access-control-expose-headers")).toContain("x-total-count");
    expect(answer.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("other origins, look-alikes included, get no CORS grant", async () => {
    const strangers = [
      "https://evil.example.com",
      "https://console.example.com.evil.test",
      "http://console.example.com",
      "https://console.example.com:8443",
      "null",
      "*",
    ];
    for (const origin of strangers) {
      const reply = await preflight(withCors.url, origin);
      expect(reply.headers.get("access-control-allow-origin"), origin).toBeNull();
      const answer = await fetch(`${withCors.url}/api/v1/orgs/1/events`, { headers: { ...auth, origin } });
      await answer.arrayBuffer();
      expect(answer.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });

  it("without configured origins no origin gets a grant", async () => {
    const other = await login(withoutCors.url);
    for (const origin of [allowedOrigin, "https://evil.example.com"]) {
      const reply = await preflight(withoutCors.url, origin);
      expect(reply.headers.get("access-control-allow-origin"), origin).toBeNull();
      const answer = await fetch(`${withoutCors.url}/api/v1/orgs/1/events`, {
        headers: { authorization: `Bearer ${other}`, origin },
      });
      await answer.arrayBuffer();
      expect(answer.status).toBe(200);
      expect(answer.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });

  it("the CSP lets the dashboard call only itself and the configured origins", async () => {
    const csp = (await fetch(`${withCors.url}/`)).headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(new RegExp(`connect-src 'self' ${allowedOrigin}(;|$)`));
    const none = (await fetch(`${withoutCors.url}/`)).headers.get("content-security-policy") ?? "";
    expect(none).toMatch(/connect-src 'self'(;|$)/);
  });
});
