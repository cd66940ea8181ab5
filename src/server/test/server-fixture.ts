import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { tokensSchema, type Tokens } from "../../contract/auth";
import { apiErrorSchema, errorStatuses, type ApiErrorBody } from "../../contract/error";
import { eventListSchema, type Event } from "../../contract/event";
import { startServer, type StartOptions } from "../start-server";
import type { EventStore } from "../store/event-store";
import { testDatabase } from "../store/postgres/test-fixture";
import { testAdminUrl } from "../store/postgres/test-database";

/**
 * Where the test server's demo data ends: a fixed weekday instant in office hours, mid-hour, so every run sees
 * the same events whatever the machine's clock, zone or hour. Tests that ask how recent an event is derive
 * it from here, never from `Date.now()`.
 */
export const testNowMs = Date.UTC(2026, 10, 18, 12, 30);

export const demoPassword = "demo";
export const demoUsers = {
  acme: "admin@acme.test",
  support: "support@acme.test",
  globex: "admin@globex.test",
} as const;
export type DemoUser = keyof typeof demoUsers;

export const orgNames = { 1: "Acme Group", 2: "Acme Logistics", 3: "Acme Retail", 4: "Globex" } as const;

export type Reply = { status: number; headers: Headers; text: string; json: unknown };

export type RequestInit = {
  token?: string | undefined;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** A query string (sent as is) or parameters (URL-encoded). */
  query?: string | Record<string, string | number>;
};

export type TestServer = {
  origin: string;
  /** The SQLite file ("" when the server is on PostgreSQL). */
  dbPath: string;
  /** The running server's store, for tests that watch what a request does to it. */
  store: EventStore;
  tokens: Record<DemoUser, Tokens>;
  request(method: string, path: string, init?: RequestInit): Promise<Reply>;
  get(path: string, init?: RequestInit): Promise<Reply>;
  /** Stops the HTTP server, leaving the database file in place. */
  stop(): Promise<void>;
  /** Stops the server and removes its temporary database. */
  close(): Promise<void>;
};

/** Any of `startServer`'s options (its clock, settings), but the database and password are the fixture's. */
export type ServerOptions = Omit<StartOptions, "db" | "demoPassword"> & {
  /**
   * Reuse a database file (restart tests); a fresh temporary file otherwise. A `databaseUrl` is used as
   * given and left in place too.
   */
  dbPath?: string;
  /** Sign in the three demo users (default true). */
  login?: boolean;
};

export function tempDbPath(): { dbPath: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "eventdesk-test-"));
  return {
    dbPath: join(dir, "eventdesk.db"),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function queryString(query: RequestInit["query"]): string {
  if (query === undefined) return "";
  if (typeof query === "string") return query === "" ? "" : `?${query}`;
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/**
 * The HTTP suite's second run (vite.config.ts) puts its servers on PostgreSQL: each on a new database of the
 * run's server, dropped when the server is closed.
 */
async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  if (process.env.EVENTDESK_TEST_BACKEND !== "postgres") return undefined;
  const adminUrl = testAdminUrl();
  if (adminUrl === undefined) throw new Error("The PostgreSQL run of the HTTP suite has no server.");
  return testDatabase(adminUrl);
}

/**
 * Starts the real server on a temporary SQLite file (or a new PostgreSQL database in the suite's PostgreSQL
 * run), its demo data ending at `testNowMs` (3000 events unless told), and logs in the three demo users.
 */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const { dbPath: reused, login, ...settings } = options;
  const given = reused !== undefined || settings.databaseUrl !== undefined;
  const database = given ? undefined : await postgresDatabase();
  const temp = given || database !== undefined ? undefined : tempDbPath();
  const dbPath = reused ?? temp?.dbPath ?? "";
  const running = await startServer({
    port: 0,
    seedEvents: 3000,
    seedNowMs: testNowMs,
    ...settings,
    db: dbPath,
    databaseUrl: database?.url ?? settings.databaseUrl,
    demoPassword,
  });
  const origin = running.url.replace(/\/$/, "");

  async function request(method: string, path: string, init: RequestInit = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const url = `${origin}${path.startsWith("/healthz") ? "" : "/api/v1"}${path}${queryString(init.query)}`;
    const response = await fetch(url, { method, headers, body });
    const text = await response.text();
    let json: unknown = undefined;
    if ((response.headers.get("content-type") ?? "").includes("json")) json = JSON.parse(text);
    return { status: response.status, headers: response.headers, text, json };
  }

  const tokens = {} as Record<DemoUser, Tokens>;
  if (login !== false) {
    for (const [key, username] of Object.entries(demoUsers) as [DemoUser, string][]) {
      const reply = await request("POST", "/authenticate", { body: { username, password: demoPassword } });
      if (reply.status !== 200) throw new Error(`login of ${username} failed: ${reply.status} ${reply.text}`);
      tokens[key] = tokensSchema.parse(reply.json);
    }
  }

  const stop = () => running.close();
  return {
    origin,
    dbPath,
    store: running.store,
    tokens,
    request,
    get: (path, init) => request("GET", path, init),
    stop,
    close: async () => {
      await stop();
      temp?.remove();
      await database?.drop();
    },
  };
}

/** Asserts the contract's error body and answers it. */
export function expectError(reply: Reply, status: number, param?: string): ApiErrorBody {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
  const body = apiErrorSchema.parse(reply.json);
  expect(errorStatuses[body.error]).toBe(status);
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.message).not.toMatch(/\n\s+at /);
  if (param !== undefined) expect(body.param, body.message).toBe(param);
  return body;
}

export type Page = { rows: Event[]; total: number; totalPages: number; page: number; perPage: number };

/** One page of a list, with its headers checked for consistency. */
export async function getPage(
  server: TestServer,
  token: string,
  path: string,
  query: Record<string, string | number> = {},
): Promise<Page> {
  const reply = await server.get(path, { token, query });
  expect(reply.status, `${path} ${JSON.stringify(query)}: ${reply.text.slice(0, 300)}`).toBe(200);
  expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
  const rows = eventListSchema.parse(reply.json);
  const total = Number(reply.headers.get("x-total-count"));
  const totalPages = Number(reply.headers.get("x-total-pages"));
  const page = Number(reply.headers.get("x-current-page"));
  const perPage = Number(reply.headers.get("x-count-per-page"));
  expect(Number.isInteger(total) && total >= 0).toBe(true);
  expect(page).toBe(Number(query.page ?? 1));
  expect(perPage).toBe(Number(query.per_page ?? 50));
  expect(totalPages).toBe(Math.ceil(total / perPage));
  expect(rows.length).toBe(Math.max(0, Math.min(perPage, total - (page - 1) * perPage)));
  return { rows, total, totalPages, page, perPage };
}

/** Every row of a list, read 1000 at a time (or `perPage` at a time). */
export async function listAll(
  server: TestServer,
  token: string,
  path: string,
  query: Record<string, string | number> = {},
  perPage = 1000,
): Promise<{ rows: Event[]; total: number }> {
  const first = await getPage(server, token, path, { ...query, per_page: perPage });
  const rows = [...first.rows];
  for (let page = 2; page <= first.totalPages; page++) {
    const next = await getPage(server, token, path, { ...query, per_page: perPage, page });
    expect(next.total).toBe(first.total);
    rows.push(...next.rows);
  }
  expect(rows.length).toBe(first.total);
  return { rows, total: first.total };
}

export const ids = (rows: readonly { id: number }[]) => rows.map((r) => r.id);

/**
 * Requests after an early answer (a 413 sent before the body was read) reuse the kept-alive connections;
 * none of them may find its connection closed under it.
 */
export async function expectConnectionsUsable(server: TestServer): Promise<void> {
  const healthz = () =>
    server.get("/healthz").catch((error: unknown) => {
      throw new Error("a kept-alive connection was closed under the next request", { cause: error });
    });
  for (let i = 0; i < 4; i++) expect((await healthz()).status).toBe(200);
  const parallel = await Promise.all([healthz(), healthz(), healthz(), healthz()]);
  expect(parallel.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
}
