import { afterAll, describe, expect, it } from "vitest";
import { containerListSchema } from "../../contract/container";
import { demoPassword, demoUsers, expectError, startTestServer } from "./server-fixture";

const server = await startTestServer({ seedEvents: 50 });
afterAll(() => server.close());
const admin = server.tokens.acme;
const [container] = containerListSchema.parse(
  (await server.get("/orgs/1/containers", { token: admin.auth_token })).json,
);
const eventsPath = `/orgs/1/containers/${encodeURIComponent(container?.id ?? "")}/events`;

const login = JSON.stringify({ username: demoUsers.support, password: demoPassword });
const newEvent = JSON.stringify({
  event_type: "ACCESS",
  status: "SUCCESS",
  timestamp: "2026-01-01T00:00:00Z",
});

/** What another site's page can make its visitors' browsers send without a CORS preflight, and a missing type. */
const notJson: [string, string | undefined, string][] = [
  ["text/plain", "text/plain", login],
  ["a form", "application/x-www-form-urlencoded", `username=${demoUsers.support}&password=${demoPassword}`],
  ["multipart", "multipart/form-data; boundary=x", "--x\r\n\r\n--x--"],
  ["text/plain holding JSON", "text/plain;charset=UTF-8", login],
  ["no Content-Type", undefined, login],
  ["a JSON look-alike", "application/jsonx", login],
];

describe("bodies must be sent as application/json", () => {
  it.each(notJson)("POST /authenticate with %s answers 415 and signs nobody in", async (_, type, body) => {
    const reply = await server.request("POST", "/authenticate", {
      rawBody: body,
      headers: { "content-type": type ?? "", origin: "https://evil.example" },
    });
    const error = expectError(reply, 415);
    expect(error.error).toBe("unsupported_media_type");
    expect(error.message).toMatch(/application\/json/);
    expect(reply.text).not.toContain("auth_token");
  });

  it("DELETE /authenticate as text/plain answers 415 and the session goes on", async () => {
    const reply = await server.request("DELETE", "/authenticate", {
      rawBody: JSON.stringify({ refresh_token: admin.refresh_token }),
      headers: { "content-type": "text/plain" },
    });
    expectError(reply, 415);
    expect((await server.get("/me", { token: admin.auth_token })).status).toBe(200);
  });

  it("POST of a container event as text/plain answers 415 and logs nothing", async () => {
    const before = (await server.get(eventsPath, { token: admin.auth_token })).headers.get("x-total-count");
    const reply = await server.request("POST", eventsPath, {
      token: admin.auth_token,
      rawBody: newEvent,
      headers: { "content-type": "text/plain" },
    });
    expectError(reply, 415);
    const after = (await server.get(eventsPath, { token: admin.auth_token })).headers.get("x-total-count");
    expect(after).toBe(before);
  });

  it("takes application/json with parameters, in any case", async () => {
    for (const type of ["application/json; charset=utf-8", "Application/JSON"]) {
      const reply = await server.request("POST", "/authenticate", {
        rawBody: login,
        headers: { "content-type": type },
      });
      expect(reply.status, `${type}: ${reply.text}`).toBe(200);
    }
  });

  it("the role comes first: support staff get 403, not 415", async () => {
    const support = server.tokens.support.auth_token;
    const [own] = containerListSchema.parse(
      (await server.get("/orgs/2/containers", { token: support })).json,
    );
    const reply = await server.request(
      "POST",
      `/orgs/2/containers/${encodeURIComponent(own?.id ?? "")}/events`,
      {
        token: support,
        rawBody: newEvent,
        headers: { "content-type": "text/plain" },
      },
    );
    expectError(reply, 403);
  });
});
