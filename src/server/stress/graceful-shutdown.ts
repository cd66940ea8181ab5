import { strict as assert } from "node:assert";
import { existsSync, statSync } from "node:fs";
import { get, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { parse } from "csv-parse/sync";
import Database from "better-sqlite3";
import { spawnServer } from "./child-server";
import { call, containerIds, figures, signIn, sleep } from "./stress-client";

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => {
      resolve(true);
    });
  });
}

/** Milliseconds until a new connection is refused, or -1 if it never was while `running()`. */
async function untilRefused(port: number, running: () => boolean): Promise<number> {
  const started = Date.now();
  while (running()) {
    if (await refused(port)) return Date.now() - started;
    await sleep(50);
  }
  return -1;
}

/**
 * SIGTERM while a client slowly downloads a large CSV export: the server stops accepting connections, the
 * download completes with every row, the WAL is checkpointed, and it exits 0.
 */
export async function gracefulShutdown(db: string): Promise<string> {
  const server = await spawnServer(db, 20_000);
  const token = await signIn(server.url, "admin@acme.test");
  const [container = ""] = await containerIds(server.url, token, 1);
  const posted = await call(
    `${server.url}/api/v1/orgs/1/containers/${encodeURIComponent(container)}/events`,
    {
      method: "POST",
      token,
      body: {
        event_type: "CREATE",
        status: "SUCCESS",
        timestamp: new Date().toISOString(),
        description: "before SIGTERM",
      },
    },
  );
  assert.equal(posted.status, 201);

  figures.requests++;
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    get(
      `${server.url}/api/v1/orgs/1/events`,
      { headers: { authorization: `Bearer ${token}`, accept: "text/csv" } },
      resolve,
    ).once("error", reject);
  });
  assert.equal(response.statusCode, 200);
  const total = Number(response.headers["x-total-count"]);
  const chunks: Buffer[] = [];
  let closedListener: Promise<number> | undefined;
  let downloading = true;
  const started = Date.now();
  for await (const chunk of response as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    if (!closedListener) {
      server.child.kill("SIGTERM");
      closedListener = untilRefused(server.port, () => downloading);
    }
    // About 1.5 MB/s: the export takes seconds, well inside the server's 10 s grace period.
    await sleep(chunk.length / 1500);
  }
  downloading = false;
  const downloadMs = Date.now() - started;
  assert.ok(closedListener, "the download sent at least one chunk");
  const refusedAfterMs = await closedListener;
  assert.ok(refusedAfterMs >= 0, "new connections are refused while the download still runs");
  const rows = parse<Record<string, string>>(Buffer.concat(chunks).toString("utf8"), {
    bom: true,
    columns: true,
  });
  assert.equal(rows.length, total, "the download in flight completes with every row");
  assert.ok(
    downloadMs > 1000,
    `the download was slow enough to overlap the shutdown (${String(downloadMs)} ms)`,
  );
  assert.equal(await server.exited, 0, "exit code 0");
  const wal = `${db}-wal`;
  assert.ok(!existsSync(wal) || statSync(wal).size === 0, "the WAL is checkpointed and removed");
  const check = new Database(db, { readonly: true });
  assert.equal(check.pragma("integrity_check", { simple: true }), "ok");
  check.close();
  return `${String(rows.length)} CSV rows over ${String(downloadMs)} ms, connections refused ${String(refusedAfterMs)} ms after SIGTERM, exit 0, no WAL left`;
}
