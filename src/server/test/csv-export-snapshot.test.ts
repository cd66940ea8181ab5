import { statSync } from "node:fs";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { afterAll, expect, it } from "vitest";
import { containerListSchema } from "../../contract/container";
import { openExport, untilStalled, watchExports, type ControlledExport } from "./export-client";
import { getPage, ids, listAll, startTestServer } from "./server-fixture";

// Organisation 1's reach then exports about 45,000 rows (10 MB): more than the sockets buffer, so a client
// that stops reading makes the server wait in mid-export. Small chunks make every export cross hundreds.
const server = await startTestServer({
  seedEvents: 60_000,
  exportChunkRows: 100,
  exportSendTimeoutSeconds: 600,
});
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;
const exports = watchExports(server.store);
const container = containerListSchema.parse((await server.get("/orgs/2/containers", { token })).json)[0];
if (!container) throw new Error("no container");

async function logEvents(timestamps: readonly string[]): Promise<void> {
  for (const timestamp of timestamps) {
    const reply = await server.request("POST", `/orgs/2/containers/${container?.id ?? ""}/events`, {
      token,
      body: { event_type: "ACCESS", status: "FAILURE", timestamp },
    });
    expect(reply.status, reply.text).toBe(201);
  }
}

async function exportedIds(download: ControlledExport): Promise<number[]> {
  const result = await download.finish();
  if ("error" in result) throw result.error;
  return parse<Record<string, string>>(result.text, { columns: true }).map((row) => Number(row.id));
}

const walBytes = () => statSync(`${server.dbPath}-wal`).size;

it.each([
  ["-timestamp", "newest first"],
  ["-endpoint", "by endpoint name, descending: a joined name, null for most events"],
  ["severity", "by severity: a few values, so long runs of ties"],
])(
  "sort=%s (%s): an export while events are written holds exactly x-total-count rows, in order",
  async (sort) => {
    const before = await listAll(server, token, "/orgs/1/events", { sort });
    const download = await openExport(server, token, "/orgs/1/events", { sort });
    expect(download.total).toBe(before.total);
    const progress = exports.at(-1);
    if (!progress) throw new Error("the export did not reach the store");
    // Events that sort among the rows already sent, the rows to come and the last ones.
    const timestamps = [0.1, 0.5, 0.95].map(
      (at) => before.rows[Math.floor(before.total * at)]?.timestamp ?? "",
    );
    let rounds = 0;
    for (;;) {
      await untilStalled(progress, 100);
      if (progress.done) break;
      expect(progress.yielded).toBeLessThan(before.total);
      await logEvents(timestamps);
      rounds++;
      // Small reads, so the export stalls several times even when the sockets' buffers hold half of it.
      await download.read(500_000);
    }
    expect(rounds).toBeGreaterThanOrEqual(3);
    expect(await exportedIds(download)).toEqual(ids(before.rows));
    const after = await getPage(server, token, "/orgs/1/events", { sort, per_page: 1 });
    expect(after.total).toBe(before.total + 3 * rounds);
  },
);

it("a client that stops reading does not keep SQLite from checkpointing: the WAL stays small", async () => {
  const before = await listAll(server, token, "/orgs/1/events");
  const download = await openExport(server, token, "/orgs/1/events");
  const progress = exports.at(-1);
  if (!progress) throw new Error("the export did not reach the store");
  await untilStalled(progress);
  const stalledAt = progress.yielded;
  expect(stalledAt).toBeLessThan(before.total);

  // The server keeps SQLite's automatic checkpoint: once the WAL holds that many pages a commit copies them
  // back, and with no reader in the way the next commit writes the WAL from its start again. It stays
  // within that size and one commit's pages (a POST writes about 40), well below twice the size.
  const probe = new Database(server.dbPath, { readonly: true });
  const pageSize = probe.pragma("page_size", { simple: true }) as number;
  const checkpointPages = probe.pragma("wal_autocheckpoint", { simple: true }) as number;
  probe.close();
  const bound = 2 * checkpointPages * (pageSize + 24);
  const timestamp = before.rows[Math.floor(before.total / 2)]?.timestamp ?? "";
  let largest = 0;
  for (let batch = 0; batch < 8; batch++) {
    await logEvents(Array.from({ length: 50 }, () => timestamp));
    largest = Math.max(largest, walBytes());
  }
  expect(largest).toBeLessThan(bound);
  expect(progress.yielded).toBe(stalledAt);

  // The control: a read held open, as the export's one long statement held it, lets the same writes grow
  // the WAL to many times the bound (measured: about 175 KB a POST, 70 MB for these 400).
  const reader = new Database(server.dbPath, { readonly: true });
  const held = reader.prepare("SELECT id FROM events").pluck().iterate();
  held.next();
  for (let batch = 0; batch < 8; batch++) await logEvents(Array.from({ length: 50 }, () => timestamp));
  const pinned = walBytes();
  held.return?.();
  reader.close();
  expect(pinned).toBeGreaterThan(4 * bound);

  // 800 events later, the stalled export goes on with the rows of its start.
  expect(await exportedIds(download)).toEqual(ids(before.rows));
});
