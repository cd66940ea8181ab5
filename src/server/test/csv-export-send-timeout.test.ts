import { parse } from "csv-parse/sync";
import { afterAll, expect, it, vi } from "vitest";
import { containerListSchema } from "../../contract/container";
import { openExport, pause, until, untilStalled, watchExports } from "./export-client";
import { startTestServer } from "./server-fixture";

// 60,000 events: organisation 1's reach exports about 10 MB, more than the sockets buffer.
const server = await startTestServer({ seedEvents: 60_000, exportSendTimeoutSeconds: 3 });
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;
const exports = watchExports(server.store);

it("ends an export whose client takes nothing for the send timeout: query stopped, connection closed, one line logged", async () => {
  const warn = vi.spyOn(console, "warn");
  try {
    const download = await openExport(server, token, "/orgs/1/events");
    const progress = exports.at(-1);
    if (!progress) throw new Error("the export did not reach the store");
    await download.read(1);
    const stoppedReading = performance.now();
    await untilStalled(progress);
    expect(progress.yielded).toBeLessThan(progress.total);

    await until(() => progress.returned);
    expect(performance.now() - stoppedReading).toBeGreaterThan(2900);
    expect(progress.done).toBe(false);
    const yielded = progress.yielded;
    await pause(300);
    expect(progress.yielded).toBe(yielded);
    const logged = warn.mock.calls
      .map((args) => String(args[0]))
      .filter((line) => line.includes("CSV export"));
    expect(logged).toEqual([
      expect.stringMatching(
        /^\[eventdesk\] CSV export GET \/api\/v1\/orgs\/1\/events ended: the client took nothing for 3 s \(\d+ bytes sent\)\.$/,
      ),
    ]);
    // What the sockets held still arrives, then the body ends cut short: the client cannot take it for a
    // whole file.
    const result = await download.finish();
    expect("error" in result).toBe(true);
    expect(await download.closed).toEqual({ complete: false });
    expect(download.received()).toBeLessThan(download.total * 200);
  } finally {
    warn.mockRestore();
  }

  const container = containerListSchema.parse((await server.get("/orgs/2/containers", { token })).json)[0];
  const created = await server.request("POST", `/orgs/2/containers/${container?.id ?? ""}/events`, {
    token,
    body: { event_type: "ACCESS", timestamp: "2026-11-18T12:00:00Z", status: "SUCCESS" },
  });
  expect(created.status, created.text).toBe(201);
});

it("leaves alone a client that stops reading for less than the send timeout", async () => {
  const download = await openExport(server, token, "/orgs/1/events", { sort: "user" });
  const progress = exports.at(-1);
  if (!progress) throw new Error("the export did not reach the store");
  await download.read(1);
  await untilStalled(progress);
  expect(progress.yielded).toBeLessThan(progress.total);
  await pause(1200);
  const result = await download.finish();
  if ("error" in result) throw result.error;
  expect(parse(result.text, { columns: true }).length).toBe(download.total);
  expect(progress).toMatchObject({ done: true, returned: false });
});

it("leaves alone an export read at full speed, however large", async () => {
  const download = await openExport(server, token, "/orgs/1/events", { sort: "-endpoint" });
  const result = await download.finish();
  if ("error" in result) throw result.error;
  expect(download.total).toBeGreaterThan(40_000);
  expect(parse(result.text, { columns: true }).length).toBe(download.total);
});
