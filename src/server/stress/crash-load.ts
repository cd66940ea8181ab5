import { AssertionError, strict as assert } from "node:assert";
import { parse } from "csv-parse/sync";
import Database from "better-sqlite3";
import fc from "fast-check";
import { queryString, text } from "../test/fuzz-arbitraries";
import { spawnServer, stopServer } from "./child-server";
import { call, containerIds, figures, signIn, sleep } from "./stress-client";

const writers = 50;
const readers = 6;
const fuzzers = 2;
const loadMs = 16_000;
const killAfterMs = 11_000;

type Sent = { description: string; timestamp: string };

export type CrashFigures = { acknowledged: number; found: number; unknown: number; unknownFound: number };

/**
 * 50 clients post events while readers page and export; the server is killed with SIGKILL mid-load, restarted
 * on the same file, and every acknowledged event must be there exactly once, as sent.
 */
export async function crashUnderLoad(db: string): Promise<CrashFigures> {
  const run = `stress${String(Date.now())}`;
  const server = await spawnServer(db, 2000);
  const token = await signIn(server.url, "admin@acme.test");
  const containers = await containerIds(server.url, token, 1);
  const acknowledged = new Map<number, Sent>();
  const unknown: Sent[] = [];
  const rejected: string[] = [];
  const start = Date.now();
  let killed = false;

  const writer = async (client: number) => {
    for (let n = 0; Date.now() - start < loadMs; n++) {
      const sent: Sent = {
        description: `${run} client ${String(client)} n ${String(n)}`,
        timestamp: new Date(Date.now() - Math.floor(Math.random() * 86_400_000)).toISOString(),
      };
      const container = containers[(client + n) % containers.length] ?? "";
      const status = n % 3 === 0 ? "FAILURE" : "SUCCESS";
      try {
        const answer = await call(
          `${server.url}/api/v1/orgs/1/containers/${encodeURIComponent(container)}/events`,
          {
            method: "POST",
            token,
            body: { event_type: "ACCESS", status, ...sent },
          },
        );
        if (answer.status === 201) acknowledged.set((JSON.parse(answer.text) as { id: number }).id, sent);
        else rejected.push(`${String(answer.status)} ${answer.text}`);
      } catch {
        // Sent but never answered: the crash cut it off. It may or may not have been stored.
        unknown.push(sent);
        if (killed) await sleep(200);
      }
    }
  };
  const reader = async (client: number) => {
    for (let n = 0; Date.now() - start < loadMs; n++) {
      const path =
        n % 4 === 3
          ? `/orgs/1/container_events/by_fail`
          : `/orgs/1/events?page=${String(1 + ((client * 7 + n) % 20))}&per_page=100&sort=-id`;
      try {
        const answer = await call(`${server.url}/api/v1${path}`, {
          token,
          ...(n % 4 === 3 ? { accept: "text/csv" } : {}),
        });
        assert.equal(answer.status, 200, `${path}: ${answer.text.slice(0, 200)}`);
      } catch (error) {
        if (!killed || error instanceof AssertionError) throw error;
        await sleep(200);
      }
    }
  };
  /** Hostile queries and bodies among the load: each answers 2xx or 4xx (a 5xx is counted by `call`). */
  const fuzzer = async () => {
    const hostile = fc.oneof(
      queryString.map((query) => ({ path: `/orgs/1/events?${query}`, body: undefined })),
      fc
        .oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.dictionary(fc.constantFrom("event_type", "status", "timestamp", "x"), text),
        )
        .map((body) => ({
          path: `/orgs/1/containers/${encodeURIComponent(containers[0] ?? "")}/events`,
          body,
        })),
    );
    while (Date.now() - start < loadMs) {
      const [{ path, body } = { path: "/me", body: undefined }] = fc.sample(hostile, 1);
      try {
        const answer = await call(`${server.url}/api/v1${path}`, {
          token,
          ...(body === undefined ? {} : { method: "POST", body }),
        });
        figures.fuzzCases++;
        assert.ok(answer.status < 500, `${path}: ${String(answer.status)} ${answer.text.slice(0, 200)}`);
      } catch (error) {
        if (!killed || error instanceof AssertionError) throw error;
        await sleep(200);
      }
    }
  };
  const killer = async () => {
    await sleep(killAfterMs);
    killed = true;
    server.child.kill("SIGKILL");
    await server.exited;
  };
  await Promise.all([
    ...Array.from({ length: writers }, (_, i) => writer(i)),
    ...Array.from({ length: readers }, (_, i) => reader(i)),
    ...Array.from({ length: fuzzers }, () => fuzzer()),
    killer(),
  ]);
  assert.deepEqual(rejected, [], "every post before the crash is acknowledged");
  assert.ok(acknowledged.size > 100, `only ${String(acknowledged.size)} events were acknowledged`);

  const restarted = await spawnServer(db, 2000);
  const again = await signIn(restarted.url, "admin@acme.test");
  const csv = await call(`${restarted.url}/api/v1/orgs/1/events?q=description:${run}&sort=id`, {
    token: again,
    accept: "text/csv",
  });
  assert.equal(csv.status, 200);
  const rows = parse<Record<string, string>>(csv.text, { bom: true, columns: true });
  const byDescription = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const description = row.description ?? "";
    byDescription.set(description, [...(byDescription.get(description) ?? []), row]);
  }
  let found = 0;
  for (const [id, sent] of acknowledged) {
    const matches = byDescription.get(sent.description) ?? [];
    assert.equal(matches.length, 1, `event ${String(id)} (${sent.description}) is stored once`);
    const row = matches[0] as Record<string, string>;
    assert.equal(Number(row.id), id, `event ${sent.description} keeps the id it was acknowledged with`);
    assert.equal(Date.parse(row.timestamp ?? ""), Date.parse(sent.timestamp), `timestamp of ${String(id)}`);
    found++;
  }
  let unknownFound = 0;
  for (const sent of unknown) {
    const count = byDescription.get(sent.description)?.length ?? 0;
    assert.ok(count <= 1, `an unanswered post is stored at most once (${sent.description})`);
    unknownFound += count;
  }
  assert.equal(rows.length, found + unknownFound, "no event appears that was never sent");
  assert.equal(await stopServer(restarted), 0, "the restarted server exits 0 on SIGTERM");

  const check = new Database(db, { readonly: true });
  const integrity = check.pragma("integrity_check", { simple: true });
  check.close();
  assert.equal(integrity, "ok", "PRAGMA integrity_check");
  return { acknowledged: acknowledged.size, found, unknown: unknown.length, unknownFound };
}
