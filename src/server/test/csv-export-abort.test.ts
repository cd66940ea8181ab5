import { afterAll, expect, it, vi } from "vitest";
import { tokensSchema } from "../../contract/auth";
/* eslint-disable no-restricted-imports -- this proof runs the dashboard's exporter against the real server */
import { configureAuth } from "../../web/api/request";
import { exportCsv } from "../../web/features/export/export-csv";
/* eslint-enable no-restricted-imports */
import { startServer } from "../start-server";
import { watchExports } from "./export-client";
import { demoPassword, demoUsers, tempDbPath, testNowMs } from "./server-fixture";

const temp = tempDbPath();
const running = await startServer({
  port: 0,
  db: temp.dbPath,
  seedEvents: 100_000,
  seedNowMs: testNowMs,
  demoPassword,
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await running.close();
  temp.remove();
});
const origin = running.url.replace(/\/$/, "");
const login = await fetch(`${origin}/api/v1/authenticate`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: demoUsers.acme, password: demoPassword }),
});
const token = tokensSchema.parse(await login.json()).auth_token;
vi.stubEnv("VITE_EVENTDESK_API_URL", origin);
configureAuth({ token: () => Promise.resolve(token), onUnauthorized: () => undefined });

/** Counts what every export query yields and whether it was ended early through `return()`. */
const exports = watchExports(running.store);

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the server");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it("cancelling the dashboard's export ends the server's query early", async () => {
  const controller = new AbortController();
  let firstProgress: { rows: number; total: number | undefined } | undefined;
  const download = exportCsv(
    "/orgs/1/events",
    { sort: "user,-id", q: undefined },
    {
      signal: controller.signal,
      fallbackFileName: "unused.csv",
      onProgress: (progress) => {
        firstProgress ??= progress;
        controller.abort();
      },
    },
  );
  await expect(download).rejects.toMatchObject({ name: "AbortError" });

  expect(firstProgress?.total).toBeGreaterThan(50_000);
  expect(exports.length).toBe(1);
  const query = exports[0] as (typeof exports)[number];
  await until(() => query.returned);
  // The chunk being read when the client left is the last one.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const yieldedAtStop = query.yielded;
  expect(query.done).toBe(false);
  expect(yieldedAtStop).toBeLessThan((firstProgress?.total ?? 0) / 2);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(query.yielded).toBe(yieldedAtStop);
});

it("an export left to finish runs the query to its end (the spy sees both outcomes)", async () => {
  const result = await exportCsv(
    "/orgs/3/events",
    { sort: undefined, q: "severity:1" },
    {
      fallbackFileName: "unused.csv",
    },
  );
  const query = exports.at(-1) as (typeof exports)[number];
  expect(query.done).toBe(true);
  expect(query.yielded).toBe(result.rows);
  expect(result.rows).toBeGreaterThan(0);
});
