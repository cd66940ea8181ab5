import { execFileSync } from "node:child_process";
import { accessSync, chmodSync, constants, copyFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { containerListSchema, createdEventSchema, type Container } from "../../contract/container";
import { expectError, getPage, startTestServer, tempDbPath, type TestServer } from "./server-fixture";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A temporary database path whose folder is removed after the test, read-only or not. */
function tempStore(): string {
  const temp = tempDbPath();
  cleanups.push(() => {
    temp.remove();
  });
  return temp.dbPath;
}

async function startOn(dbPath: string): Promise<TestServer> {
  const server = await startTestServer({ dbPath, seedEvents: 300 });
  cleanups.push(() => server.stop());
  return server;
}

/**
 * Makes `dir` and its files read-only, as a read-only disk would. Root ignores permission bits, so as root
 * the immutable attribute does it: then not even root can create a file there, SQLite's -shm included.
 */
function makeReadOnly(dir: string): void {
  const paths = [...readdirSync(dir).map((name) => join(dir, name)), dir];
  for (const path of paths) chmodSync(path, path === dir ? 0o555 : 0o444);
  const root = process.getuid?.() === 0;
  if (root) execFileSync("chattr", ["+i", ...paths]);
  cleanups.push(() => {
    if (root) execFileSync("chattr", ["-i", ...paths]);
    chmodSync(dir, 0o755);
  });
  expect(() => {
    accessSync(dir, constants.W_OK);
  }).toThrow();
}

async function eventsPathOf(server: TestServer): Promise<string> {
  const reply = await server.get("/orgs/1/containers", { token: server.tokens.acme.auth_token });
  const container = containerListSchema.parse(reply.json)[0] as Container;
  return `/orgs/${String(container.organisation.id)}/containers/${encodeURIComponent(container.id)}/events`;
}

function postEvent(server: TestServer, eventsPath: string, description: string) {
  return server.request("POST", eventsPath, {
    token: server.tokens.acme.auth_token,
    body: { event_type: "BLOCK", timestamp: "2026-01-02T03:04:05Z", status: "FAILURE", description },
  });
}

/** Sign-in (done by `startTestServer`), reads and exports answer; every write answers 503. */
async function expectReadOnly(server: TestServer, postedId: number, description: string): Promise<void> {
  const token = server.tokens.acme.auth_token;
  const { rows } = await getPage(server, token, "/orgs/1/events", { q: `description:${description}` });
  expect(rows.map((event) => event.id)).toEqual([postedId]);
  const csv = await server.get("/orgs/1/container_events/by_block", {
    token,
    headers: { accept: "text/csv" },
  });
  expect(csv.status, csv.text.slice(0, 300)).toBe(200);
  expect(csv.text).toContain(description);

  const refused = await postEvent(server, await eventsPathOf(server), "written to a read-only disk");
  expect(expectError(refused, 503).message).toMatch(/read-only or full/);
  expect(refused.headers.get("retry-after")).toBe("30");

  // Sessions signed in on a read-only store live in the server's memory: signing out ends them there.
  const signOut = await server.request("DELETE", "/authenticate", {
    body: { refresh_token: server.tokens.acme.refresh_token },
  });
  expect(signOut.status, signOut.text).toBe(204);
  expectError(await server.get("/me", { token }), 401);
}

describe("a store on a read-only disk", () => {
  it("starts from a cleanly closed store", async () => {
    const dbPath = tempStore();
    const writable = await startOn(dbPath);
    const posted = await postEvent(
      writable,
      await eventsPathOf(writable),
      "before the disk turned read-only",
    );
    expect(posted.status, posted.text).toBe(201);
    await writable.stop();
    expect(readdirSync(dirname(dbPath)), "a clean close leaves no -wal or -shm").toEqual(["eventdesk.db"]);

    makeReadOnly(dirname(dbPath));
    const server = await startOn(dbPath);
    await expectReadOnly(
      server,
      createdEventSchema.parse(posted.json).id,
      "before the disk turned read-only",
    );
  });

  it("starts from a store left by a crash, reading the events only its -wal holds", async () => {
    const live = await startOn(tempStore());
    const posted = await postEvent(live, await eventsPathOf(live), "only in the write-ahead log");
    expect(posted.status, posted.text).toBe(201);
    // The files as a kill -9 at this moment would leave them.
    const dbPath = tempStore();
    for (const suffix of ["", "-wal", "-shm"]) copyFileSync(live.dbPath + suffix, dbPath + suffix);
    await live.stop();
    expect(statSync(`${dbPath}-wal`).size).toBeGreaterThan(0);

    makeReadOnly(dirname(dbPath));
    const server = await startOn(dbPath);
    await expectReadOnly(server, createdEventSchema.parse(posted.json).id, "only in the write-ahead log");
  });
});
