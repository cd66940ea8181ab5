import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps a path on this origin with its search", () => {
    expect(safeNextPath("/orgs/2/events?sort=-severity&q=type:6")).toBe(
      "/orgs/2/events?sort=-severity&q=type:6",
    );
    expect(safeNextPath("/orgs/1/containers/c%2F1")).toBe("/orgs/1/containers/c%2F1");
  });

  it("falls back to / for anything that could leave the origin", () => {
    for (const next of [
      null,
      "",
      "https://evil.test/x",
      "//evil.test/x",
      "/\\evil.test",
      "javascript:alert(1)",
      "orgs/1",
    ]) {
      expect(safeNextPath(next)).toBe("/");
    }
  });
});
