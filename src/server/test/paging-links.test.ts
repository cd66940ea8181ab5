import { afterAll, describe, expect, it } from "vitest";
import { containerListSchema } from "../../contract/container";
import { startTestServer, type Reply } from "./server-fixture";

const server = await startTestServer();
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;

const containers = containerListSchema.parse(
  (await server.get("/orgs/1/containers", { token, query: { per_page: 1000 } })).json,
);
const container = containers[0];
if (!container) throw new Error("the demo world has no containers");

/** The `Link` header's targets by rel. */
function links(reply: Reply): Map<string, string> {
  const header = reply.headers.get("link") ?? "";
  const found = new Map<string, string>();
  for (const part of header.split(", ")) {
    const match = /^<([^>]*)>; rel="([a-z]+)"$/.exec(part);
    expect(match, header).not.toBeNull();
    if (match?.[1] !== undefined && match[2] !== undefined) found.set(match[2], match[1]);
  }
  return found;
}

/** GET a link's target as the server wrote it (a path under /api/v1 with its query). */
function follow(target: string): Promise<Reply> {
  const [path = "", query = ""] = target.split("?");
  expect(path.startsWith("/api/v1/")).toBe(true);
  return server.get(path.slice("/api/v1".length), { token, query });
}

const rowsOf = (reply: Reply) => (reply.json as { id: number | string }[]).map((row) => row.id);

const lists = [
  ["/orgs/1/events", "q=severity:1,severity:2&sort=-timestamp&per_page=37"],
  ["/orgs/1/container_events/by_fail", "per_page=11"],
  [`/orgs/1/containers/${encodeURIComponent(container.id)}/events`, "sort=type,-id&per_page=5"],
  ["/orgs/1/containers", "per_page=4&sort=name"],
  ["/organisation/1/event", "per_page=500"],
] as const;

describe.each(lists)("Link on %s", (path, query) => {
  it("walks by next from the first page to the last, and back by prev, through every row once", async () => {
    const first = await server.get(path, { token, query });
    expect(first.status).toBe(200);
    const total = Number(first.headers.get("x-total-count"));
    const perPage = Number(first.headers.get("x-count-per-page"));
    const lastPage = Math.max(1, Math.ceil(total / perPage));
    expect(total).toBeGreaterThan(perPage);

    const forward: (number | string)[] = [];
    let reply = first;
    for (let page = 1; ; page++) {
      const rels = links(reply);
      expect(new URLSearchParams(rels.get("first")?.split("?")[1]).get("page")).toBe("1");
      expect(new URLSearchParams(rels.get("last")?.split("?")[1]).get("page")).toBe(String(lastPage));
      expect(rels.has("prev")).toBe(page > 1);
      forward.push(...rowsOf(reply));
      const next = rels.get("next");
      if (next === undefined) {
        expect(page).toBe(lastPage);
        break;
      }
      const asked = new URLSearchParams(query);
      const linked = new URLSearchParams(next.split("?")[1]);
      for (const [name, value] of asked) expect(linked.get(name), name).toBe(value);
      expect(linked.get("page")).toBe(String(page + 1));
      reply = await follow(next);
      expect(reply.status).toBe(200);
    }
    expect(forward.length).toBe(total);
    expect(new Set(forward).size).toBe(total);

    const backward: (number | string)[][] = [];
    for (let prev: string | undefined = links(first).get("last"); prev !== undefined;) {
      const page = await follow(prev);
      backward.unshift(rowsOf(page));
      prev = links(page).get("prev");
    }
    expect(backward.flat()).toEqual(forward);
  });
});

describe("Link at the edges", () => {
  it("an empty list links first and last to page 1, and no prev or next", async () => {
    const reply = await server.get("/orgs/1/events", { token, query: "q=description:no-such-text-anywhere" });
    expect(reply.headers.get("x-total-count")).toBe("0");
    expect(reply.headers.get("link")).toBe(
      '</api/v1/orgs/1/events?q=description%3Ano-such-text-anywhere&page=1>; rel="first", ' +
        '</api/v1/orgs/1/events?q=description%3Ano-such-text-anywhere&page=1>; rel="last"',
    );
  });

  it("past the last page, prev is the last page and there is no next", async () => {
    const reply = await server.get("/orgs/1/containers", { token, query: "per_page=5&page=999" });
    const last = Math.ceil(Number(reply.headers.get("x-total-count")) / 5);
    const rels = links(reply);
    expect(rels.get("prev")).toBe(`/api/v1/orgs/1/containers?per_page=5&page=${String(last)}`);
    expect(rels.has("next")).toBe(false);
  });

  it("is on HEAD answers too, and exposed to browser scripts", async () => {
    const reply = await fetch(`${server.origin}/api/v1/orgs/1/events?page=2`, {
      method: "HEAD",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("link")).toContain('</api/v1/orgs/1/events?page=1>; rel="prev"');
    const exposed = reply.headers.get("access-control-expose-headers") ?? "";
    expect(exposed.split(/,\s*/)).toContain("Link");
  });
});
