import { describe, expect, it } from "vitest";
import { ApiError, type ApiErrorKind } from "../api/api-error";
import { shouldRetry } from "./query-client";

const error = (kind: ApiErrorKind, status?: number) => new ApiError({ kind, status, message: kind });

describe("shouldRetry", () => {
  it("never retries a 4xx or a broken contract", () => {
    for (const [kind, status] of [
      ["bad_request", 400],
      ["unauthorized", 401],
      ["forbidden", 403],
      ["not_found", 404],
      ["not_acceptable", 406],
      ["too_many_requests", 429],
      ["schema", 200],
    ] as const) {
      expect(shouldRetry(0, error(kind, status))).toBe(false);
    }
  });

  it("retries network and server failures twice", () => {
    expect(shouldRetry(0, error("server", 503))).toBe(true);
    expect(shouldRetry(1, error("network"))).toBe(true);
    expect(shouldRetry(2, error("server", 500))).toBe(false);
  });

  it("does not retry errors that are not from the API client", () => {
    expect(shouldRetry(0, new TypeError("x is undefined"))).toBe(false);
  });
});
