import { afterAll, describe, expect, it, vi } from "vitest";
import { tokensSchema } from "../../contract/auth";
import { demoPassword, expectError, startTestServer } from "./server-fixture";

/** Over real sockets: no password or token reaches the server's logs. */
const written: string[] = [];
const capture = (...args: unknown[]) => {
  written.push(
    args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack ?? ""}` : String(arg))).join(" "),
  );
};
for (const method of ["log", "info", "warn", "error", "debug"] as const) {
  vi.spyOn(console, method).mockImplementation(capture);
}
const writeStdout = process.stdout.write.bind(process.stdout);
const writeStderr = process.stderr.write.bind(process.stderr);
vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
  written.push(String(chunk));
  return writeStdout(chunk);
});
vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
  written.push(String(chunk));
  return writeStderr(chunk);
});

const server = await startTestServer({ seedEvents: 200 });
afterAll(async () => {
  await server.close();
  vi.restoreAllMocks();
});
const secrets = new Set<string>([demoPassword]);
for (const tokens of Object.values(server.tokens)) {
  secrets.add(tokens.auth_token);
  secrets.add(tokens.refresh_token);
}
const wrongPassword = "Wr0ng-passw0rd-e3b9";
secrets.add(wrongPassword);

describe("no secret reaches the logs", () => {
  it("sign-ins, refreshes, sign-outs and bad tokens log no password or token", async () => {
    const { acme } = server.tokens;
    const refreshed = await server.request("POST", "/authenticate", {
      body: { refresh_token: acme.refresh_token },
    });
    expect(refreshed.status).toBe(200);
    secrets.add(tokensSchema.partial().parse(refreshed.json).auth_token ?? "");
    const fresh = await server.request("POST", "/authenticate", {
      body: { username: "admin@globex.test", password: demoPassword },
    });
    const freshTokens = tokensSchema.parse(fresh.json);
    secrets.add(freshTokens.auth_token);
    secrets.add(freshTokens.refresh_token);
    expect(
      (
        await server.request("DELETE", "/authenticate", {
          body: { refresh_token: freshTokens.refresh_token },
        })
      ).status,
    ).toBe(204);
    expectError(await server.get("/me", { token: freshTokens.auth_token }), 401);
    expectError(
      await server.request("POST", "/authenticate", { body: { refresh_token: freshTokens.refresh_token } }),
      401,
    );
    expectError(await server.get("/me", { token: `${acme.auth_token.slice(0, -2)}xx` }), 401);
    expectError(
      await server.request("POST", "/authenticate", {
        body: { username: "support@acme.test", password: wrongPassword },
      }),
      401,
    );
    expectError(
      await server.request("POST", "/authenticate", { rawBody: `{"password":"${wrongPassword}"` }),
      400,
    );
    const logs = written.join("\n");
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(3);
      expect(logs.includes(secret), `a secret of ${String(secret.length)} characters is in the logs`).toBe(
        false,
      );
    }
  });
});
