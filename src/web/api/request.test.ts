import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { eventListSchema } from "../../contract/event";
import { ApiError } from "./api-error";
import { fetchListPage } from "./list-page";
import { configureAuth, request, send } from "./request";

// A stand-in for servers our own cannot impersonate (foreign 406s, proxies failing, broken bodies).
const origin = "http://api.test";
const url = (path: string) => `${origin}/api/v1${path}`;
const server = setupServer();
const onUnauthorized = vi.fn();
const okSchema = z.object({ ok: z.boolean() });

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
});
beforeEach(() => {
  vi.stubEnv("VITE_EVENTDESK_API_URL", origin);
  onUnauthorized.mockReset();
  configureAuth({ token: () => Promise.resolve("token-1"), onUnauthorized });
});
afterEach(() => {
  server.resetHandlers();
  vi.unstubAllEnvs();
});
afterAll(() => {
  server.close();
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("request", () => {
  it("sends the bearer token and search params, and parses the body with the schema", async () => {
    let seen: Request | undefined;
    server.use(
      http.get(url("/thing"), ({ request: req }) => {
        seen = req;
        return HttpResponse.json({ ok: true, extra: "stripped" });
      }),
    );
    const { data, paging } = await request("/thing", {
      schema: okSchema,
      search: { q: "type:6", sort: undefined, page: 2 },
    });
    expect(data).toEqual({ ok: true });
    expect(paging).toBeUndefined();
    expect(seen?.headers.get("authorization")).toBe("Bearer token-1");
    expect(seen?.headers.get("accept")).toBe("application/json");
    expect(new URL(seen?.url ?? "").search).toBe("?q=type%3A6&page=2");
  });

  it("reads the paging headers of a list", async () => {
    server.use(
      http.get(url("/orgs/1/events"), () =>
        HttpResponse.json([], {
          headers: {
            "x-total-count": "12431",
            "x-total-pages": "249",
            "x-current-page": "3",
            "x-count-per-page": "50",
          },
        }),
      ),
    );
    const page = await fetchListPage(
      "/orgs/1/events",
      { page: 3, perPage: 50, sort: undefined, q: undefined },
      eventListSchema,
      new AbortController().signal,
    );
    expect(page.paging).toEqual({ total: 12431, totalPages: 249, page: 3, perPage: 50 });
  });

  it("treats a list without paging headers as a contract violation", async () => {
    server.use(http.get(url("/orgs/1/events"), () => HttpResponse.json([])));
    const error = await failure(
      fetchListPage(
        "/orgs/1/events",
        { page: 1, perPage: 50, sort: undefined, q: undefined },
        eventListSchema,
        new AbortController().signal,
      ),
    );
    expect(error.kind).toBe("schema");
    expect(error.message).toContain("x-total-count");
  });

  it("maps a 400 to bad_request with the parameter named by the server", async () => {
    server.use(
      http.get(url("/orgs/1/events"), () =>
        HttpResponse.json(
          { error: "bad_request", message: "q: severity must be a numeric id.", param: "q" },
          { status: 400 },
        ),
      ),
    );
    const error = await failure(request("/orgs/1/events", { schema: eventListSchema }));
    expect(error).toMatchObject({
      kind: "bad_request",
      status: 400,
      code: "bad_request",
      param: "q",
      message: "q: severity must be a numeric id.",
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it("maps a 401 to unauthorized and tells the session", async () => {
    server.use(
      http.get(url("/me"), () =>
        HttpResponse.json(
          { error: "unauthorized", message: "The token has expired." },
          { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
        ),
      ),
    );
    const error = await failure(request("/me", { schema: okSchema }));
    expect(error).toMatchObject({ kind: "unauthorized", message: "The token has expired." });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it("does not end the session for a 401 on an unauthenticated call (wrong password)", async () => {
    server.use(
      http.post(url("/authenticate"), () =>
        HttpResponse.json({ error: "unauthorized", message: "Wrong username or password." }, { status: 401 }),
      ),
    );
    const error = await failure(
      request("/authenticate", {
        method: "POST",
        body: { username: "a", password: "b" },
        schema: okSchema,
        auth: false,
      }),
    );
    expect(error.kind).toBe("unauthorized");
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it("fails without a network call when there is no token", async () => {
    configureAuth({ token: () => Promise.resolve(undefined), onUnauthorized });
    const error = await failure(request("/me", { schema: okSchema }));
    expect(error.kind).toBe("unauthorized");
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it("maps a 429 to too_many_requests with Retry-After in seconds", async () => {
    server.use(
      http.post(url("/authenticate"), () =>
        HttpResponse.json(
          { error: "too_many_requests", message: "Too many failed sign-ins." },
          { status: 429, headers: { "Retry-After": "120" } },
        ),
      ),
    );
    const error = await failure(
      request("/authenticate", { method: "POST", body: {}, schema: okSchema, auth: false }),
    );
    expect(error).toMatchObject({ kind: "too_many_requests", retryAfterSeconds: 120, param: undefined });
  });

  it("maps a foreign server's 406 without a contract body to not_acceptable with a readable message", async () => {
    server.use(
      http.get(url("/orgs/1/events"), () =>
        HttpResponse.text("<h1>406 Not Acceptable</h1>", {
          status: 406,
          headers: { "Content-Type": "text/html" },
        }),
      ),
    );
    const error = await failure(request("/orgs/1/events", { schema: eventListSchema }));
    expect(error.kind).toBe("not_acceptable");
    expect(error.code).toBeUndefined();
    expect(error.message).toMatch(/cannot answer in JSON/);
  });

  it("maps 5xx to server, keeping the contract's message when there is one", async () => {
    server.use(
      http.get(url("/a"), () =>
        HttpResponse.json({ error: "unavailable", message: "The store is busy." }, { status: 503 }),
      ),
      http.get(url("/b"), () => HttpResponse.text("Bad Gateway", { status: 502 })),
    );
    expect(await failure(request("/a", { schema: okSchema }))).toMatchObject({
      kind: "server",
      status: 503,
      code: "unavailable",
      message: "The store is busy.",
    });
    const gateway = await failure(request("/b", { schema: okSchema }));
    expect(gateway).toMatchObject({ kind: "server", status: 502 });
    expect(gateway.message).toContain("HTTP 502");
  });

  it("maps a body that is not JSON to schema", async () => {
    server.use(http.get(url("/me"), () => HttpResponse.text("<!doctype html><title>EventDesk</title>")));
    const error = await failure(request("/me", { schema: okSchema }));
    expect(error.kind).toBe("schema");
    expect(error.message).toMatch(/not JSON/);
  });

  it("maps a body that breaks the contract to schema, naming the field", async () => {
    server.use(http.get(url("/me"), () => HttpResponse.json({ ok: "yes" })));
    const error = await failure(request("/me", { schema: okSchema }));
    expect(error.kind).toBe("schema");
    expect(error.message).toContain("ok:");
  });

  it("maps a network failure to network", async () => {
    server.use(http.get(url("/me"), () => HttpResponse.error()));
    const error = await failure(request("/me", { schema: okSchema }));
    expect(error.kind).toBe("network");
  });

  it("passes an abort through untouched so the query layer sees a cancellation", async () => {
    server.use(http.get(url("/slow"), () => new Promise<never>(() => undefined)));
    const controller = new AbortController();
    const pending = send("/slow", { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.not.toBeInstanceOf(ApiError);
  });
});
