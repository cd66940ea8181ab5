import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { csvType, jsonType, negotiate } from "./negotiate";

const lists = [jsonType, csvType] as const;

describe("negotiate", () => {
  it("answers JSON when Accept is absent, empty or a wildcard", () => {
    for (const accept of [undefined, "", "*/*", "application/*", "text/html, */*;q=0.8"]) {
      expect(negotiate(accept, lists), String(accept)).toBe(jsonType);
    }
  });

  it("answers CSV when asked for it, by name or by preference", () => {
    expect(negotiate("text/csv", lists)).toBe(csvType);
    expect(negotiate("TEXT/CSV; charset=utf-8", lists)).toBe(csvType);
    expect(negotiate("application/json;q=0.5, text/csv", lists)).toBe(csvType);
    expect(negotiate("text/*", lists)).toBe(csvType);
  });

  it("prefers the more specific range, so q=0 on a type excludes it despite a wildcard", () => {
    expect(negotiate("text/csv;q=0, */*", lists)).toBe(jsonType);
    expect(negotiate("application/json;q=0, */*;q=0.1", lists)).toBe(csvType);
  });

  it("refuses with 406 when nothing offered is acceptable", () => {
    for (const accept of [
      "text/html",
      "application/xml",
      "garbage",
      "text/csv;q=0",
      "application/x-ndjson",
    ]) {
      expect(() => negotiate(accept, [jsonType]), accept).toThrow(ApiError);
    }
    try {
      negotiate("text/csv", [jsonType]);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "not_acceptable", status: 406 });
    }
  });
});
