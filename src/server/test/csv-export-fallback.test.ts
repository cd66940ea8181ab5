import { http, HttpResponse, passthrough } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { containerListSchema, type Container } from "../../contract/container";
/* eslint-disable no-restricted-imports -- this proof runs the dashboard's exporter against the real server */
import { configureAuth } from "../../web/api/request";
import { exportByWalkingPages, exportCsv, type ExportProgress } from "../../web/features/export/export-csv";
/* eslint-enable no-restricted-imports */
import { startTestServer } from "./server-fixture";

const server = await startTestServer({ seedEvents: 4000 });
const token = server.tokens.acme.auth_token;
vi.stubEnv("VITE_EVENTDESK_API_URL", server.origin);
configureAuth({
  token: () => Promise.resolve(token),
  onUnauthorized: () => {
    throw new Error("the test token was rejected");
  },
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

const containers = containerListSchema.parse(
  (await server.get("/orgs/1/containers", { token, query: { per_page: 1000 } })).json,
);
const container = containers.find((c) => c.organisation.id === 1) as Container;

/** The real server's CSV export, as bytes. */
async function serverCsv(path: string, query: Record<string, string>): Promise<Uint8Array> {
  const response = await fetch(`${server.origin}/api/v1${path}?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${token}`, accept: "text/csv" },
  });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const fallbackFileName = "eventdesk-fallback.csv";

const cases: { path: string; sort?: string; q?: string; multiPage?: boolean; empty?: boolean }[] = [
  { path: "/orgs/1/events", multiPage: true },
  { path: "/orgs/1/events", sort: "-severity,user,id", q: "status:FAILURE" },
  { path: "/orgs/1/events", sort: "ip_address,-timestamp", q: "severity:2,severity:3" },
  { path: "/orgs/1/container_events/by_fail", sort: "type,-id" },
  { path: "/orgs/1/container_events/by_access", q: "status:SUCCESS" },
  { path: `/orgs/1/containers/${encodeURIComponent(container.id)}/events`, sort: "timestamp" },
  { path: "/orgs/2/events", q: "type:424242", empty: true },
];

describe("the dashboard's page walk writes the server's CSV byte for byte", () => {
  it.each(cases)("$path sort=$sort q=$q", async ({ path, sort, q, multiPage, empty }) => {
    const query = { ...(sort ? { sort } : {}), ...(q ? { q } : {}) };
    const expected = await serverCsv(path, query);
    const progress: ExportProgress[] = [];
    const walked = await exportByWalkingPages(
      path,
      { sort, q },
      {
        fallbackFileName,
        onProgress: (p) => progress.push(p),
      },
    );
    expect(walked.via).toBe("pages");
    if (empty) expect(walked.rows).toBe(0);
    else expect(walked.rows).toBeGreaterThan(0);
    const actual = await bytes(walked.blob);
    expect(actual.length).toBe(expected.length);
    expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
    const last = progress.at(-1);
    expect(last?.rows).toBe(walked.rows);
    expect(last?.total).toBe(walked.rows);
    if (multiPage) expect(progress.length).toBeGreaterThan(1);
  });

  it("with the byte order mark too", async () => {
    const query = { q: "severity:1", sort: "-id" };
    const expected = await serverCsv("/orgs/1/events", { ...query, bom: "1" });
    expect([...expected.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const walked = await exportByWalkingPages("/orgs/1/events", query, { fallbackFileName, bom: true });
    expect(Buffer.from(await bytes(walked.blob)).equals(Buffer.from(expected))).toBe(true);
  });
});

describe("exportCsv", () => {
  const query = { q: "status:FAILURE", sort: "user,-timestamp" };

  it("takes the server's stream, its file name and its record count", async () => {
    const expected = await serverCsv("/orgs/1/events", query);
    const progress: ExportProgress[] = [];
    const result = await exportCsv("/orgs/1/events", query, {
      fallbackFileName,
      onProgress: (p) => progress.push(p),
    });
    expect(result.via).toBe("server");
    expect(result.fileName).toBe("eventdesk-acme-group-events.csv");
    expect(Buffer.from(await bytes(result.blob)).equals(Buffer.from(expected))).toBe(true);
    const total = progress.at(-1)?.total;
    expect(total).toBeGreaterThan(0);
    expect(result.rows).toBe(total);
    expect(progress.at(-1)?.rows).toBe(total);
  });

  describe("against a foreign server that answers 406 to text/csv", () => {
    const refused: string[] = [];
    const foreign = setupServer(
      http.get(`${server.origin}/api/v1/*`, ({ request }) => {
        if (!(request.headers.get("accept") ?? "").includes("text/csv")) return passthrough();
        refused.push(request.url);
        return HttpResponse.json(
          { error: "not_acceptable", message: "This server speaks JSON only." },
          { status: 406 },
        );
      }),
    );
    beforeAll(() => {
      foreign.listen({ onUnhandledRequest: "error" });
    });
    afterAll(() => {
      foreign.close();
    });

    it("falls back to walking the pages and produces the same bytes as the server's CSV path", async () => {
      foreign.close();
      const expected = await serverCsv("/orgs/1/events", query);
      foreign.listen({ onUnhandledRequest: "error" });
      const result = await exportCsv("/orgs/1/events", query, { fallbackFileName });
      expect(refused.length).toBe(1);
      expect(result.via).toBe("pages");
      expect(result.fileName).toBe(fallbackFileName);
      expect(Buffer.from(await bytes(result.blob)).equals(Buffer.from(expected))).toBe(true);
    });
  });
});

describe("an export of the visible columns only", () => {
  const columns = ["description", "timestamp", "user", "event_severity", "organisation"] as const;
  const query = { q: "severity:3", sort: "-timestamp" };

  it.each([false, true])(
    "bom %s: the server's stream, projected, and the page walk give the same bytes",
    async (bom) => {
      const viaServer = await exportCsv("/orgs/1/events", query, { fallbackFileName, bom, columns });
      const walked = await exportByWalkingPages("/orgs/1/events", query, { fallbackFileName, bom, columns });
      expect(viaServer.via).toBe("server");
      expect(viaServer.rows).toBe(walked.rows);
      const served = Buffer.from(await bytes(viaServer.blob));
      expect(served.equals(Buffer.from(await bytes(walked.blob)))).toBe(true);
      const text = served.toString("utf8");
      expect(text.startsWith(`${bom ? "\uFEFF" : ""}${columns.join(",")}\r\n`)).toBe(true);
    },
  );
});
