import { request as httpRequest } from "node:http";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { csvColumns } from "../../contract/csv";
import { containerListSchema } from "../../contract/container";
import { expectError, ids, listAll, startTestServer } from "./server-fixture";

const server = await startTestServer({ seedEvents: 30_000 });
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;
const csv = { token, headers: { accept: "text/csv" } };

/** Opens a CSV export over a raw socket, reads its first bytes, then walks away without reading the rest. */
function abandonExport(path: string): Promise<{ status: number; bytesRead: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.origin}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: "text/csv" },
    });
    req.on("response", (res) => {
      res.once("data", (chunk: Buffer) => {
        res.pause();
        req.destroy();
        resolve({ status: res.statusCode ?? 0, bytesRead: chunk.length });
      });
    });
    req.on("error", (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}

describe("CSV export", () => {
  it("streams every matching row in the requested order, header first, with the export headers", async () => {
    const query = { q: "severity:2,organisation:logistics", sort: "type,-id" };
    const reply = await server.get("/orgs/1/events", { ...csv, query });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(reply.headers.get("content-disposition")).toBe(
      'attachment; filename="eventdesk-acme-group-events.csv"',
    );
    expect(reply.headers.get("content-encoding")).toBeNull();
    expect(reply.headers.get("x-filter")).toBe("severity:2,organisation:logistics");
    expect(reply.headers.get("x-sort")).toBe("type,-id");
    const rows = parse<Record<string, string>>(reply.text, { columns: true });
    expect(reply.text.split("\r\n")[0]).toBe(csvColumns.join(","));
    const json = await listAll(server, token, "/orgs/1/events", query);
    expect(Number(reply.headers.get("x-total-count"))).toBe(json.total);
    expect(json.total).toBeGreaterThan(0);
    expect(rows.map((row) => Number(row.id))).toEqual(ids(json.rows));
    expect(new Set(rows.map((row) => row.event_severity))).toEqual(new Set(["Critical"]));
  });

  it("ignores page and per_page, and puts the date range in the file name", async () => {
    const query = { q: "from:2020-01-01T00:00:00Z,until:2099-12-31T23:59:59Z", page: 3, per_page: 1 };
    const reply = await server.get("/orgs/2/container_events/by_fail", { ...csv, query });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-disposition")).toBe(
      'attachment; filename="eventdesk-acme-logistics-container-events-fail-2020-01-01-2099-12-31.csv"',
    );
    const rows = parse<Record<string, string>>(reply.text, { columns: true });
    expect(rows.length).toBe(Number(reply.headers.get("x-total-count")));
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(["FAILURE"]));
  });

  it("bom=1 puts a UTF-8 byte order mark first", async () => {
    const query = { q: "type:100", bom: 1 };
    const reply = await fetch(
      `${server.origin}/api/v1/orgs/3/events?${new URLSearchParams({ q: "type:100", bom: "1" })}`,
      {
        headers: { authorization: `Bearer ${token}`, accept: "text/csv" },
      },
    );
    const bytes = new Uint8Array(await reply.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3, 5))).toBe("id");
    const plain = await server.get("/orgs/3/events", { ...csv, query: { q: query.q } });
    expect(plain.text.startsWith("id,")).toBe(true);
  });

  it("an organisation out of reach on seed 2's endpoint exports just the header row", async () => {
    const reply = await server.get("/organisation/4/event", csv);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("x-total-count")).toBe("0");
    expect(reply.text).toBe(`${csvColumns.join(",")}\r\n`);
  });

  it("a client that walks away mid-export stops the query: the store keeps reading and writing", async () => {
    const { status, bytesRead } = await abandonExport("/orgs/1/events");
    expect(status).toBe(200);
    expect(bytesRead).toBeGreaterThan(0);
    const container = containerListSchema.parse((await server.get("/orgs/2/containers", { token })).json)[0];
    if (!container) throw new Error("no container");
    const created = await server.request("POST", `/orgs/2/containers/${container.id}/events`, {
      token,
      body: { event_type: "ACCESS", timestamp: new Date().toISOString(), status: "SUCCESS" },
    });
    expect(created.status, created.text).toBe(201);
    expect((await server.get("/orgs/1/events", { token })).status).toBe(200);
  });

  it("an export in progress does not block other requests, reads or writes", async () => {
    const response = await fetch(`${server.origin}/api/v1/orgs/1/events`, {
      headers: { authorization: `Bearer ${token}`, accept: "text/csv" },
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    const container = containerListSchema.parse((await server.get("/orgs/2/containers", { token })).json)[0];
    if (!container) throw new Error("no container");
    const created = await server.request("POST", `/orgs/2/containers/${container.id}/events`, {
      token,
      body: { event_type: "BLOCK", timestamp: new Date().toISOString(), status: "SUCCESS" },
    });
    expect(created.status, created.text).toBe(201);
    expect((await server.get("/orgs/1/events", { token, query: { per_page: 5 } })).status).toBe(200);
    let bytes = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      bytes += chunk.value.length;
    expect(bytes).toBeGreaterThan(1_000_000);
  });
});

describe("compression", () => {
  it("gzips JSON over 1 KB, not small JSON, and never CSV", async () => {
    const big = await fetch(`${server.origin}/api/v1/orgs/1/events?per_page=100`, {
      headers: { authorization: `Bearer ${token}`, "accept-encoding": "gzip" },
    });
    expect(big.headers.get("content-encoding")).toBe("gzip");
    expect(((await big.json()) as unknown[]).length).toBe(100);
    const small = await fetch(`${server.origin}/healthz`, { headers: { "accept-encoding": "gzip" } });
    expect(small.headers.get("content-encoding")).toBeNull();
    const exported = await fetch(`${server.origin}/api/v1/orgs/3/events?q=type:100`, {
      headers: { authorization: `Bearer ${token}`, accept: "text/csv", "accept-encoding": "gzip" },
    });
    expect(exported.headers.get("content-encoding")).toBeNull();
    await exported.arrayBuffer();
  });
});

describe("echo headers", () => {
  it("x-filter and x-sort echo the grammar's format, percent-encoding what is not printable ASCII", async () => {
    const reply = await server.get("/orgs/1/events", {
      token,
      query: { q: "description:Zürich 50%,description:a\\,b", sort: "severity,-timestamp" },
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.headers.get("x-filter")).toBe("description:Z%C3%BCrich 50%25,description:a\\,b");
    expect(decodeURIComponent(reply.headers.get("x-filter") ?? "")).toBe(
      "description:Zürich 50%,description:a\\,b",
    );
    expect(reply.headers.get("x-sort")).toBe("severity,-timestamp");
    const exposed = reply.headers.get("access-control-expose-headers") ?? "";
    for (const name of ["x-total-count", "x-filter", "x-sort", "Content-Disposition"])
      expect(exposed).toContain(name);
  });

  it("absent when q and sort are not given (or empty)", async () => {
    const reply = await server.get("/orgs/1/events", { token, query: "q=&sort=" });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("x-filter")).toBeNull();
    expect(reply.headers.get("x-sort")).toBeNull();
  });

  it("a page past the end answers 200 [] with the headers", async () => {
    const reply = await server.get("/orgs/3/events", { token, query: { page: 100_000, per_page: 1000 } });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual([]);
    expect(Number(reply.headers.get("x-total-count"))).toBeGreaterThan(0);
    expect(reply.headers.get("x-current-page")).toBe("100000");
  });

  it("errors are JSON, never stack traces", async () => {
    expectError(await server.get("/orgs/1/events", { token, query: { q: "nope:1" } }), 400, "q");
  });
});
