import { afterAll, expect, it } from "vitest";
import { openExport, watchExports } from "./export-client";
import { startTestServer } from "./server-fixture";

// One read thread and small chunks: the export and the lists share the thread, chunk by chunk.
const chunkRows = 100;
const server = await startTestServer({ seedEvents: 60_000, readThreads: 1, exportChunkRows: chunkRows });
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;
const exports = watchExports(server.store);

it("a list asked while an export streams at full speed waits for a few of its chunks, never for the export", async () => {
  const download = await openExport(server, token, "/orgs/1/events", { sort: "user" });
  const progress = exports.at(-1);
  if (!progress) throw new Error("the export did not reach the store");
  const client = { reading: true };
  const reader = (async () => {
    while (client.reading && !progress.done) await download.read(16 * 1024);
  })();

  const rowsDuring: number[] = [];
  for (let page = 1; page <= 20; page++) {
    const before = progress.yielded;
    const reply = await server.get("/orgs/1/events", {
      token,
      query: { page, per_page: 5, q: `severity:${String(page % 5)}` },
    });
    expect(reply.status, reply.text).toBe(200);
    rowsDuring.push(progress.yielded - before);
  }
  expect(progress.done, "the export ended before the lists: make it longer").toBe(false);
  client.reading = false;
  await reader;
  download.destroy();

  // Chunks go on while the list's request is parsed and checked on the event loop, so a few pass; the
  // export is hundreds of chunks long.
  expect(progress.total).toBeGreaterThan(40 * chunkRows);
  expect(Math.max(...rowsDuring), JSON.stringify(rowsDuring)).toBeLessThanOrEqual(10 * chunkRows);
  // The export went on meanwhile: the lists did not stop it either.
  expect(rowsDuring.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
});
