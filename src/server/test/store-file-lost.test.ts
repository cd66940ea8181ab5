import { copyFileSync, renameSync, rmSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { containerListSchema, type Container } from "../../contract/container";
import { expectError, startTestServer, type TestServer } from "./server-fixture";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

async function scene() {
  const logged: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(" "));
  });
  const server = await startTestServer({ seedEvents: 100 });
  cleanups.push(() => server.close());
  const token = server.tokens.acme.auth_token;
  const [container] = containerListSchema.parse((await server.get("/orgs/1/containers", { token })).json) as [
    Container,
  ];
  const post = () =>
    server.request("POST", `/orgs/1/containers/${encodeURIComponent(container.id)}/events`, {
      token,
      body: { event_type: "ACCESS", status: "FAILURE", timestamp: "2026-01-01T00:00:00Z" },
    });
  expect((await post()).status).toBe(201);
  return { server, token, post, logged };
}

async function expectLost(server: TestServer, token: string, post: () => ReturnType<TestServer["request"]>) {
  const health = await server.get("/healthz");
  expectError(health, 503);
  expect(health.headers.get("retry-after")).toBeTruthy();
  expect(expectError(await post(), 503).message).toMatch(/deleted or replaced/);
  expectError(await server.get("/orgs/1/events", { token }), 503);
  expectError(await server.get("/orgs/1/events", { token, headers: { accept: "text/csv" } }), 503);
  expectError(
    await server.request("POST", "/authenticate", { body: { username: "a@b.c", password: "x" } }),
    503,
  );
}

describe("the store file deleted or replaced under the running server", () => {
  it("deleted: health and every request answer 503, no write is acknowledged, and the log says why", async () => {
    const { server, token, post, logged } = await scene();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${server.dbPath}${suffix}`, { force: true });
    await expectLost(server, token, post);
    const why = logged.filter(
      (line) => line.includes(`${server.dbPath} was deleted`) && /restart/.test(line),
    );
    expect(why).toHaveLength(1);
  });

  it("replaced by another file: the server answers 503 rather than mix two worlds", async () => {
    const { server, token, post, logged } = await scene();
    copyFileSync(server.dbPath, `${server.dbPath}.copy`);
    renameSync(`${server.dbPath}.copy`, server.dbPath);
    await expectLost(server, token, post);
    expect(logged.some((line) => line.includes("was replaced by another file"))).toBe(true);
  });
});
