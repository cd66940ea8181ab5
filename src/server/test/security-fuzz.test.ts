import { request as httpRequest } from "node:http";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { containerListSchema } from "../../contract/container";
import { apiErrorSchema, errorStatuses } from "../../contract/error";
import { eventListSchema } from "../../contract/event";
import { eventMatches } from "./event-model";
import { expectError, getPage, listAll, startTestServer, type Reply } from "./server-fixture";

/**
 * Hostile bodies, headers and methods beyond fuzz.test.ts's parameters: every answer is a 4xx with the
 * contract's error body (or a success), never a 5xx, never a hang; oversized bodies are 413 however they
 * arrive; SQL in any parameter is plain text that selects only the rows the filter allows.
 */
const server = await startTestServer({ seedEvents: 1000 });
afterAll(async () => {
  console.log(`security-fuzz: ${String(fuzzCases)} fuzz cases run`);
  await server.close();
});
const token = server.tokens.acme.auth_token;
let fuzzCases = 0;

const containers = containerListSchema.parse((await server.get("/orgs/1/containers", { token })).json);
const cid = encodeURIComponent(containers[0]?.id ?? "none");
const postPath = `/orgs/1/containers/${cid}/events`;
const budget = (numRuns: number, ms: number) => ({ numRuns, interruptAfterTimeLimit: ms });

type RawReply = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

/** A request over a raw socket: any header bytes, a body streamed in chunks without Content-Length. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  chunks: (string | Buffer)[] = [],
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.origin}/api/v1${path}`, { method, headers, timeout: 10_000 }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (chunk: Buffer) => parts.push(chunk));
      res.on("end", () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(parts).toString("utf8"),
        });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => {
      req.destroy(new Error(`${method} ${path} hung`));
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server may answer 413 and close before the whole body is written; the answer still counts.
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

function expectErrorBody(status: number, text: string, contentType: string | undefined): void {
  expect(status, text.slice(0, 200)).toBeGreaterThanOrEqual(400);
  expect(status, text.slice(0, 200)).toBeLessThan(500);
  expect(contentType).toMatch(/^application\/json/);
  const body = apiErrorSchema.parse(JSON.parse(text));
  expect(errorStatuses[body.error]).toBe(status);
  expect(body.message).not.toMatch(/\n\s+at /);
}

function expectSafe(reply: Reply, allowed: number[]): void {
  fuzzCases++;
  expect(allowed, `${reply.status} ${reply.text.slice(0, 200)}`).toContain(reply.status);
  if (reply.status >= 400) expectErrorBody(reply.status, reply.text, reply.headers.get("content-type") ?? "");
}

const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.string({
    unit: fc.constantFrom("\0", "\u202e", "\ud800", "'", '"', "\\", "😀", "é", "%", "a"),
    maxLength: 30,
  }),
  fc.constantFrom("\0", "\ud800", "\udfff", "\u0000ACCESS", "ACCESS\0", "access", " ACCESS", "ACCESS "),
);

describe("JSON bodies", () => {
  it("deeply nested bodies answer 400, not a stack overflow", async () => {
    for (const depth of [100, 1000, 10_000, 30_000]) {
      for (const body of [
        "[".repeat(depth) + "]".repeat(depth),
        '{"a":'.repeat(depth) + "1" + "}".repeat(depth),
        `{"event":${'{"event":'.repeat(depth)}{}${"}".repeat(depth)}}`,
      ]) {
        if (body.length > 64 * 1024) continue;
        for (const path of [postPath, "/authenticate"]) {
          const reply = await server.request("POST", path, { token, rawBody: body });
          expectSafe(reply, [400]);
        }
      }
    }
  });

  it("fields of the wrong type, unicode, NUL and huge strings answer 400 naming the field", async () => {
    const base = { event_type: "ACCESS", status: "SUCCESS", timestamp: "2026-01-01T00:00:00Z" };
    const field = fc.constantFrom("event_type", "status", "timestamp", "description");
    const value = fc.oneof(
      hostileText,
      fc.constantFrom(null, 0, -1, 1e308, true, [], {}, ["ACCESS"], { toString: "ACCESS" }),
      fc.nat({ max: 60_000 }).map((n) => "x".repeat(2001 + n)),
    );
    await fc.assert(
      fc.asyncProperty(field, value, fc.boolean(), async (name, v, wrapped) => {
        const event = { ...base, [name]: v };
        const reply = await server.request("POST", postPath, { token, body: wrapped ? { event } : event });
        const validDescription =
          name === "description" && typeof v === "string" && v.length <= 2000 && !v.includes("\0");
        if (validDescription) {
          expectSafe(reply, [201]);
          return;
        }
        expectSafe(reply, [400, 413]);
        if (reply.status === 400) expect((reply.json as { param: string }).param).toBe(name);
      }),
      budget(300, 15_000),
    );
  });

  it("bodies that are not JSON, or JSON that is not an object, answer 400 body", async () => {
    const body = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc
        .jsonValue()
        .filter((v) => typeof v !== "object" || v === null || Array.isArray(v))
        .map((v) => JSON.stringify(v)),
      fc.constantFrom("", "{", "{}}", "\0", '{"event_type":"ACCESS"\0}', "\ufeff{}", "null", "[]"),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const reply = await server.request("POST", postPath, { token, rawBody: text });
        expectSafe(reply, [400]);
      }),
      budget(200, 10_000),
    );
  });
});

describe("bodies over 64 KB", () => {
  const big = "x".repeat(70 * 1024);
  const routes: [string, string, Record<string, string>][] = [
    ["POST", postPath, { authorization: `Bearer ${token}` }],
    ["POST", "/authenticate", {}],
    ["DELETE", "/authenticate", {}],
  ];

  it.each(routes)("%s %s answers 413 with Content-Length", async (method, path, headers) => {
    const body = JSON.stringify({ description: big });
    const length = String(Buffer.byteLength(body));
    const reply = await raw(
      method,
      path,
      { ...headers, "content-type": "application/json", "content-length": length },
      [body],
    );
    expect(reply.status).toBe(413);
    expectErrorBody(reply.status, reply.text, reply.headers["content-type"] as string);
  });

  it.each(routes)(
    "%s %s answers 413 when streamed in chunks without a length",
    async (method, path, headers) => {
      const chunks = Array.from({ length: 40 }, () => Buffer.alloc(4096, 0x61));
      const reply = await raw(
        method,
        path,
        { ...headers, "content-type": "application/json", "transfer-encoding": "chunked" },
        ['{"description":"', ...chunks, '"}'],
      );
      expect(reply.status).toBe(413);
      expectErrorBody(reply.status, reply.text, reply.headers["content-type"] as string);
    },
  );

  it("a body just under the limit is read (and judged on its content)", async () => {
    const reply = await raw(
      "POST",
      postPath,
      { authorization: `Bearer ${token}`, "content-type": "application/json" },
      [JSON.stringify({ description: "x".repeat(60 * 1024) })],
    );
    expect(reply.status).toBe(400);
  });
});

describe("headers and methods", () => {
  const headerValue = fc.string({
    unit: fc.constantFrom("a", "/", "*", ";", "=", ",", " ", "q", "0", ".", "-", "\t"),
    maxLength: 40,
  });

  it("any Accept, Content-Type and Accept-Encoding answers 2xx, 406 or 400/415, never 5xx", async () => {
    const accept = fc.oneof(
      headerValue,
      fc.constantFrom(
        "text/csv",
        "text/csv;q=0",
        "*/*;q=0",
        "application/xml",
        "text/*",
        "application/json;q=abc",
      ),
    );
    const contentType = fc.oneof(
      headerValue,
      fc.constantFrom(
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
      ),
    );
    const encoding = fc.constantFrom("gzip", "br", "identity;q=0", "*;q=0", "deflate, gzip;q=0", "zzz");
    const route = fc.constantFrom("/orgs/1/events", "/orgs/1/containers", "/me", "/event_types", postPath);
    await fc.assert(
      fc.asyncProperty(route, accept, contentType, encoding, async (path, a, type, enc) => {
        const post = path === postPath;
        const reply = await raw(
          post ? "POST" : "GET",
          path,
          { authorization: `Bearer ${token}`, accept: a, "content-type": type, "accept-encoding": enc },
          post
            ? [
                JSON.stringify({
                  event_type: "ACCESS",
                  status: "SUCCESS",
                  timestamp: new Date().toISOString(),
                }),
              ]
            : [],
        );
        fuzzCases++;
        expect(reply.status, reply.text.slice(0, 200)).toBeLessThan(500);
        if (reply.status >= 400) {
          const text = reply.headers["content-encoding"] === undefined ? reply.text : "";
          if (text !== "") expectErrorBody(reply.status, text, reply.headers["content-type"] as string);
        }
      }),
      budget(300, 15_000),
    );
  });

  it("unknown methods and routes answer a JSON 4xx", async () => {
    for (const method of ["PUT", "PATCH", "OPTIONS", "TRACE"]) {
      for (const path of ["/orgs/1/events", postPath, "/authenticate", "/me", "/nothing"]) {
        const reply = await raw(method, path, { authorization: `Bearer ${token}` });
        fuzzCases++;
        expect(reply.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expectErrorBody(reply.status, reply.text, reply.headers["content-type"] as string);
      }
    }
  });

  it("sign-in bodies of every shape answer 200, 400, 401 or 429, never 5xx", async () => {
    const body = fc.oneof(
      fc.record({ username: hostileText, password: hostileText }),
      fc.record({ refresh_token: hostileText }),
      fc.record(
        { username: fc.jsonValue(), password: fc.jsonValue(), extra: fc.jsonValue() },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (json) => {
        const reply = await server.request("POST", "/authenticate", { rawBody: JSON.stringify(json) });
        expectSafe(reply, [400, 401, 429]);
        expect(reply.text).not.toContain("auth_token");
      }),
      budget(150, 10_000),
    );
  });
});

describe("SQL injection probes select only what the filter allows", () => {
  const probes = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '" OR ""="',
    "1; DROP TABLE events; --",
    "1) OR (1=1",
    "%' OR 1=1 --",
    "x' UNION SELECT * FROM users --",
    "* OR NEAR(a b)",
    "1 OR 1=1",
  ];
  const textFields = ["description", "organisation", "user", "endpoint", "tags"];
  const strictFields = [
    "type",
    "source",
    "severity",
    "alert",
    "status",
    "ip_address",
    "reason",
    "client_ip",
    "imei",
    "iccid",
    "imsi",
    "timestamp",
  ];

  it("in every q field: substring fields match nothing, strict fields answer 400 q, container matches nothing", async () => {
    const escape = (value: string) => value.replaceAll("\\", "\\\\").replaceAll(",", "\\,");
    for (const probe of probes) {
      for (const field of textFields) {
        const page = await getPage(server, token, "/orgs/1/events", { q: `${field}:${escape(probe)}` });
        fuzzCases++;
        expect(page.total, `${field}:${probe}`).toBe(0);
      }
      for (const field of strictFields) {
        const reply = await server.get("/orgs/1/events", {
          token,
          query: { q: `${field}:${escape(probe)}` },
        });
        fuzzCases++;
        expectError(reply, 400, "q");
      }
      const byContainer = await getPage(server, token, "/orgs/1/events", { q: `container:${escape(probe)}` });
      fuzzCases++;
      expect(byContainer.total).toBe(0);
    }
  });

  it("in sort, page, per_page: 400 naming the parameter", async () => {
    for (const probe of probes) {
      for (const param of ["sort", "page", "per_page"]) {
        const reply = await server.get("/orgs/1/events", { token, query: { [param]: probe } });
        fuzzCases++;
        expectError(reply, 400, param);
      }
    }
  });

  it("in path segments: 400 org_id or 404, never another tenant's rows", async () => {
    for (const probe of probes) {
      const p = encodeURIComponent(probe);
      expectError(
        await server.get(`/orgs/${p}/events`, { token: server.tokens.globex.auth_token }),
        400,
        "org_id",
      );
      for (const path of [`/orgs/4/containers/${p}`, `/orgs/4/containers/${p}/events`]) {
        expectError(await server.get(path, { token: server.tokens.globex.auth_token }), 404);
      }
      fuzzCases += 3;
    }
  });

  it("in a posted description: stored and found as the plain text it is, nothing else changes", async () => {
    const before = (await listAll(server, token, "/orgs/1/events")).total;
    for (const probe of probes) {
      const reply = await server.request("POST", postPath, {
        token,
        body: {
          event_type: "ACCESS",
          status: "SUCCESS",
          timestamp: new Date().toISOString(),
          description: probe,
        },
      });
      expect(reply.status, reply.text).toBe(201);
    }
    const after = await listAll(server, token, "/orgs/1/events");
    expect(after.total).toBe(before + probes.length);
    for (const probe of probes) {
      const q = `description:${probe.replaceAll("\\", "\\\\").replaceAll(",", "\\,")}`;
      const found = eventListSchema.parse((await server.get("/orgs/1/events", { token, query: { q } })).json);
      fuzzCases++;
      expect(
        found.every((e) => eventMatches(e, q)),
        probe,
      ).toBe(true);
      expect(found.map((e) => e.description)).toContain(probe);
    }
  });
});
