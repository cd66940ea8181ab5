import pg from "pg";
import { afterAll, afterEach, assert, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { tokensSchema } from "../../contract/auth";
import { containerListSchema, createdEventSchema } from "../../contract/container";
import { apiErrorSchema } from "../../contract/error";
import { startServer, type StartOptions } from "../start-server";
import type { EventStore } from "../store/event-store";
import { startTestCluster, type TestCluster } from "../store/postgres/test-cluster";
import { testDatabase } from "../store/postgres/test-fixture";
import { pause, until } from "./export-client";
import { demoPassword, demoUsers, testNowMs } from "./server-fixture";

/** A PostgreSQL server of this file's own, which it restarts; none when the run is given one to share. */
const cluster = process.env.EVENTDESK_TEST_DATABASE_URL ? undefined : await startTestCluster();
afterAll(() => cluster?.stop());

function ownCluster(): TestCluster {
  assert(cluster, "the tests run only with a cluster of their own");
  return cluster;
}

/** A request with no answer in this time fails its test: the server hung. */
const answerWithinMs = 10_000;
/** The server must answer again this soon after PostgreSQL is back. */
const recoverWithinMs = 15_000;
/** postgres-store's wait for a free connection of the pool, which startServer cannot change. */
const connectTimeoutMs = 5_000;

type Reply = { what: string; method: string; status: number; headers: Headers; body: unknown; ms: number };

async function send(what: string, url: string, init: RequestInit = {}): Promise<Reply> {
  const started = performance.now();
  const answer = async () => {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(answerWithinMs) });
    return { response, text: await response.text() };
  };
  const { response, text } = await answer().catch((error: unknown) => {
    throw new Error(`${what}: no whole answer within ${String(answerWithinMs)} ms`, { cause: error });
  });
  const isJson = (response.headers.get("content-type") ?? "").includes("json") && text !== "";
  return {
    what,
    method: init.method ?? "GET",
    status: response.status,
    headers: response.headers,
    body: isJson ? (JSON.parse(text) as unknown) : text,
    ms: performance.now() - started,
  };
}

const unreachable = { message: /cannot be reached/, retryAfter: "5" };
const busy = { message: /busy/, retryAfter: "1" };

/** The contract's 503: its error body (a HEAD answer has none) and a Retry-After, as `expected` when given. */
function expectUnavailable(reply: Reply, expected?: typeof busy): void {
  expect(reply.status, `${reply.what}: ${JSON.stringify(reply.body)}`).toBe(503);
  const retryAfter = reply.headers.get("retry-after");
  expect(retryAfter, reply.what).toMatch(expected ? new RegExp(`^${expected.retryAfter}$`) : /^[1-9][0-9]*$/);
  if (reply.method === "HEAD") return;
  const body = apiErrorSchema.parse(reply.body);
  expect(body.error, reply.what).toBe("unavailable");
  expect(body.message, reply.what).toMatch(expected?.message ?? /\S/);
}

async function adminQuery(
  config: string | pg.ClientConfig,
  sql: string,
  values: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

type SceneOptions = {
  start?: StartOptions;
  /** Appended to the server's database URL: node-postgres takes settings from its query string. */
  urlQuery?: string;
  /** A database another scene seeded, which closing this one leaves in place; a new one otherwise. */
  sharedUrl?: string;
};

/** A server of its own on a database of the cluster (500 demo events), signed in as an admin. */
async function openScene({ start = {}, urlQuery = "", sharedUrl }: SceneOptions = {}) {
  const database = sharedUrl
    ? { url: sharedUrl, drop: () => Promise.resolve() }
    : await testDatabase(ownCluster().adminUrl);
  const server = await startServer({
    port: 0,
    databaseUrl: `${database.url}${urlQuery}`,
    demoPassword,
    seedEvents: 500,
    seedNowMs: testNowMs,
    ...start,
  });
  const origin = server.url.replace(/\/$/, "");
  const api = `${origin}/api/v1`;
  const json = { "content-type": "application/json" };
  const signIn = () =>
    send("sign-in", `${api}/authenticate`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ username: demoUsers.acme, password: demoPassword }),
    });
  const signedIn = await signIn();
  expect(signedIn.status).toBe(200);
  const auth = { authorization: `Bearer ${tokensSchema.parse(signedIn.body).auth_token}` };
  const containers = await send("containers", `${api}/orgs/1/containers?per_page=100`, { headers: auth });
  const open = containerListSchema
    .parse(containers.body)
    .find((container) => !container.blocked && container.expires_at === null);
  assert(open, "the demo world has an open container in organisation 1");
  const eventsUrl = `${api}/orgs/1/containers/${encodeURIComponent(open.id)}/events`;

  const requests = {
    list: () => send("list", `${api}/orgs/1/events?per_page=5`, { headers: auth }),
    count: () =>
      send("count", `${api}/orgs/1/events`, {
        method: "HEAD",
        headers: { ...auth, accept: "text/csv" },
      }),
    post: (description = "logged in a fault test") =>
      send("POST", eventsUrl, {
        method: "POST",
        headers: { ...auth, ...json },
        body: JSON.stringify({
          event_type: "ACCESS",
          status: "SUCCESS",
          timestamp: "2026-11-18T12:00:00Z",
          description,
        }),
      }),
    exportCsv: () => send("CSV export", `${api}/orgs/1/events`, { headers: { ...auth, accept: "text/csv" } }),
    signIn,
    healthz: () => send("healthz", `${origin}/healthz`),
  };
  return {
    ...requests,
    server,
    api,
    databaseUrl: database.url,
    databaseName: new URL(database.url).pathname.slice(1),
    auth,
    every: () => Object.values(requests).map((request) => request()),
    me: () => send("me", `${api}/me`, { headers: auth }),
    async close() {
      await server.close();
      await database.drop();
    },
  };
}
type Scene = Awaited<ReturnType<typeof openScene>>;

/** What `every()` answers when all is well. */
const serving = ["list 200", "count 200", "POST 201", "CSV export 200", "sign-in 200", "healthz 200"];

async function expectServing(scene: Scene): Promise<void> {
  const replies = await Promise.all(scene.every());
  expect(replies.map(({ what, status }) => `${what} ${String(status)}`)).toEqual(serving);
}

/** Polls /healthz (only 503s allowed meanwhile) until it answers 200; how long that took. */
async function untilHealthy(scene: Scene): Promise<number> {
  const started = performance.now();
  for (;;) {
    const reply = await scene.healthz();
    const waited = performance.now() - started;
    if (reply.status === 200) return waited;
    expectUnavailable(reply);
    if (waited > recoverWithinMs) throw new Error(`still 503 after ${String(recoverWithinMs)} ms`);
    await pause(100);
  }
}

/** Every read and write of events waits, counts too (they add up the tallies). */
const eventsLocked = "LOCK TABLE events, event_tallies IN ACCESS EXCLUSIVE MODE";

/** A transaction of an admin connection that holds locks until released (or until PostgreSQL restarts). */
async function holdLocks(databaseUrl: string, locks: string[]): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client(databaseUrl);
  client.on("error", () => undefined);
  await client.connect();
  await client.query("BEGIN");
  for (const lock of locks) await client.query(lock);
  return {
    async release() {
      await client.query("ROLLBACK").catch(() => undefined);
      await client.end();
    },
  };
}

/** Waits until `count` queries of the scene's server wait for a lock. */
async function untilWaiting(scene: Scene, count: number): Promise<void> {
  const deadline = performance.now() + answerWithinMs;
  for (;;) {
    const [row] = await adminQuery(
      ownCluster().adminUrl,
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
      [scene.databaseName],
    );
    if (Number(row?.n) >= count) return;
    if (performance.now() > deadline) {
      const activity = await adminQuery(
        ownCluster().adminUrl,
        "SELECT state, wait_event_type, wait_event, query FROM pg_stat_activity WHERE datname = $1",
        [scene.databaseName],
      );
      throw new Error(
        `fewer than ${String(count)} queries wait for a lock: ${JSON.stringify(activity, null, 1)}`,
      );
    }
    await pause(20);
  }
}

/**
 * Restarts PostgreSQL listening on its Unix socket alone: to the servers, which reach it over TCP, it is down
 * (connections refused, as when it is stopped) until `back()` restarts it listening as before.
 */
async function takeOffNetwork(cluster: TestCluster): Promise<{ back(): Promise<void> }> {
  const [row] = await adminQuery(cluster.adminUrl, "SHOW unix_socket_directories");
  const overSocket = {
    host: String(row?.unix_socket_directories),
    port: Number(new URL(cluster.adminUrl).port),
    user: "postgres",
    database: "postgres",
  };
  await adminQuery(cluster.adminUrl, "ALTER SYSTEM SET listen_addresses = ''");
  await cluster.restart();
  return {
    async back() {
      await adminQuery(overSocket, "ALTER SYSTEM RESET listen_addresses");
      await cluster.restart();
    },
  };
}

/** Stops the server processes of the scene's connections (SIGSTOP): they answer nothing until `thaw()`. */
async function freezeConnections(scene: Scene): Promise<{ thaw(): void }> {
  const rows = await adminQuery(
    ownCluster().adminUrl,
    "SELECT pid FROM pg_stat_activity WHERE datname = $1",
    [scene.databaseName],
  );
  const pids = rows.map((row) => Number(row.pid));
  for (const pid of pids) process.kill(pid, "SIGSTOP");
  return {
    thaw: () => {
      for (const pid of pids) process.kill(pid, "SIGCONT");
    },
  };
}

/**
 * Makes the store's exports wait before each read of rows until `release()`: meanwhile an export holds its
 * connection, idle, in its transaction. `undo()` puts the store's own method back.
 */
function holdExports(store: EventStore) {
  const exportEvents = store.exportEvents.bind(store);
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let waiting = 0;
  store.exportEvents = async (...args) => {
    const { total, csv } = await exportEvents(...args);
    const next = async () => {
      waiting++;
      await released;
      return csv.next();
    };
    return { total, csv: { next, return: csv.return?.bind(csv) } };
  };
  return {
    waiting: () => waiting,
    release,
    undo: () => {
      store.exportEvents = exportEvents;
    },
  };
}

describe.skipIf(!cluster)("PostgreSQL stopped, restarted, slow or short of connections", () => {
  const logged: string[] = [];
  beforeEach(({ onTestFailed }) => {
    logged.length = 0;
    for (const level of ["error", "warn"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(" "));
      });
    }
    onTestFailed(() => {
      process.stderr.write(`The servers logged:\n${logged.join("\n")}\n`);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  let scene: Scene;
  beforeAll(async () => {
    scene = await openScene();
  });
  afterAll(() => scene.close());

  it("restarted under a request of every kind waiting on the database: each answers 503, then the server serves again", async () => {
    const locks = await holdLocks(scene.databaseUrl, [
      eventsLocked,
      // Sign-in writes a session; reading sessions (every signed-in request) stays free.
      "LOCK TABLE sessions IN EXCLUSIVE MODE",
    ]);
    try {
      const waiting = [scene.list(), scene.count(), scene.post(), scene.exportCsv(), scene.signIn()];
      await untilWaiting(scene, waiting.length);
      await ownCluster().restart();
      for (const reply of await Promise.all(waiting)) expectUnavailable(reply);
    } finally {
      await locks.release();
    }
    expect(await untilHealthy(scene)).toBeLessThan(recoverWithinMs);
    await expectServing(scene);
  });

  it("down: every request, /healthz too, answers 503 at once; back: the same server serves again within seconds", async () => {
    const network = await takeOffNetwork(ownCluster());
    let backAt: number;
    try {
      for (const reply of await Promise.all([...scene.every(), scene.me()])) {
        expectUnavailable(reply, unreachable);
      }
    } finally {
      await network.back();
      backAt = performance.now();
    }
    await untilHealthy(scene);
    expect(performance.now() - backAt).toBeLessThan(recoverWithinMs);
    await expectServing(scene);
  });

  it("restarted under concurrent writers: every event answered 201 is stored, every other POST answered 503", async () => {
    const writers = 4;
    const posted: { description: string; reply: Reply }[] = [];
    let writing = true;
    const write = async (writer: number) => {
      for (let n = 0; writing; n++) {
        const description = `writer ${String(writer)} event ${String(n)}`;
        const reply = await scene.post(description);
        posted.push({ description, reply });
        if (reply.status !== 201) await pause(20);
      }
    };
    const running = Promise.all(Array.from({ length: writers }, (_, writer) => write(writer)));
    try {
      while (posted.length < 40) await pause(10);
      await ownCluster().restart();
      await untilHealthy(scene);
      const afterRestart = posted.length;
      while (posted.length < afterRestart + 40) await pause(10);
    } finally {
      writing = false;
      await running;
    }

    for (const { reply } of posted) if (reply.status !== 201) expectUnavailable(reply);
    const firstFailed = posted.findIndex(({ reply }) => reply.status !== 201);
    expect(firstFailed, "no POST met the restart").toBeGreaterThan(0);
    const afterFailures = posted.slice(firstFailed).filter(({ reply }) => reply.status === 201);
    expect(afterFailures.length, "no POST succeeded after the restart").toBeGreaterThan(0);
    const stored = new Map(
      (
        await adminQuery(
          scene.databaseUrl,
          "SELECT id, description FROM events WHERE description LIKE 'writer %'",
        )
      ).map((row) => [String(row.description), Number(row.id)]),
    );
    for (const { description, reply } of posted) {
      if (reply.status === 201)
        expect(stored.get(description), description).toBe(createdEventSchema.parse(reply.body).id);
    }
  });

  it("a CSV export under way when PostgreSQL restarts is cut short, and the server serves on", async () => {
    const held = holdExports(scene.server.store);
    try {
      const download = await fetch(`${scene.api}/orgs/1/events`, {
        headers: { ...scene.auth, accept: "text/csv" },
        signal: AbortSignal.timeout(answerWithinMs),
      });
      expect(download.status).toBe(200);
      await until(() => held.waiting() > 0);
      await ownCluster().restart();
      held.release();
      await expect(download.text()).rejects.toThrow("terminated");
    } finally {
      held.undo();
    }
    await untilHealthy(scene);
    await expectServing(scene);
  });

  it("a pool at its size holds a further request briefly: served if a connection frees in time, else 503", async () => {
    const small = await openScene({ start: { databasePool: 2 }, sharedUrl: scene.databaseUrl });
    try {
      const locks = await holdLocks(small.databaseUrl, [eventsLocked]);
      const holding = [small.list(), small.count()];
      await untilWaiting(small, holding.length);

      for (const reply of await Promise.all([small.healthz(), small.me()])) {
        expectUnavailable(reply, busy);
        expect(reply.ms).toBeGreaterThan(connectTimeoutMs - 100);
      }

      const queued = small.me();
      await pause(500);
      await locks.release();
      expect((await queued).status).toBe(200);
      expect((await Promise.all(holding)).map((reply) => reply.status)).toEqual([200, 200]);
    } finally {
      await small.close();
    }
  });

  describe("with timeouts in the database URL (node-postgres reads them there; startServer has no options)", () => {
    const statementTimeoutMs = 1_000;
    const queryTimeoutMs = 2_000;
    let timed: Scene;
    beforeAll(async () => {
      timed = await openScene({
        urlQuery: `?statement_timeout=${String(statementTimeoutMs)}&query_timeout=${String(queryTimeoutMs)}`,
        sharedUrl: scene.databaseUrl,
      });
    });
    afterAll(() => timed.close());

    it("a read held past the statement timeout answers 503 (busy) when the timeout ends it", async () => {
      const locks = await holdLocks(timed.databaseUrl, [eventsLocked]);
      try {
        for (const reply of [await timed.list(), await timed.count()]) {
          expectUnavailable(reply, busy);
          expect(reply.ms).toBeGreaterThan(statementTimeoutMs - 100);
        }
      } finally {
        await locks.release();
      }
      expect((await timed.list()).status).toBe(200);
    });

    it("a database that stops answering (its processes frozen) is answered 503 after the query timeout", async () => {
      // Leaves a connection idle in the pool: the next request takes it.
      expect((await timed.healthz()).status).toBe(200);
      const connections = await freezeConnections(timed);
      try {
        const reply = await timed.healthz();
        expectUnavailable(reply, unreachable);
        expect(reply.ms).toBeGreaterThan(queryTimeoutMs - 100);
      } finally {
        connections.thaw();
      }
      await untilHealthy(timed);
    });
  });
});
