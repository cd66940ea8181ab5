import { describe, expect, it } from "vitest";
import { moveColumn, placeColumn, readColumnLayout } from "./column-layout";

const ids = ["timestamp", "type", "description", "user"];

describe("a kept column layout", () => {
  it("reads back what was kept", () => {
    const raw = JSON.stringify({ order: ["user", "timestamp", "type", "description"], sizes: { type: 140 } });
    expect(readColumnLayout(raw, ids)).toEqual({
      order: ["user", "timestamp", "type", "description"],
      sizes: { type: 140 },
    });
  });

  it.each([
    ["nothing kept", null],
    ["not JSON", "{order"],
    ["another shape", JSON.stringify([1, 2, 3])],
    ["a string", JSON.stringify("timestamp,type")],
    ["wrong field types", JSON.stringify({ order: "user", sizes: [3] })],
  ])("ignores %s and gives the default", (_, raw) => {
    expect(readColumnLayout(raw, ids)).toEqual({ order: ids, sizes: {} });
  });

  it("drops columns the table no longer has and appends the ones it gained", () => {
    const raw = JSON.stringify({ order: ["user", "gone", "type", "user"], sizes: { gone: 100, user: 90 } });
    expect(readColumnLayout(raw, ids)).toEqual({
      order: ["user", "type", "timestamp", "description"],
      sizes: { user: 90 },
    });
  });

  it("forgets widths out of range and rounds the rest", () => {
    const raw = JSON.stringify({ order: [], sizes: { type: 3, user: 99999, timestamp: 120.6 } });
    expect(readColumnLayout(raw, ids).sizes).toEqual({ timestamp: 121 });
  });

  it("keeps a valid order when the widths are damaged", () => {
    const raw = JSON.stringify({ order: ["user"], sizes: "wide" });
    expect(readColumnLayout(raw, ids)).toEqual({
      order: ["user", "timestamp", "type", "description"],
      sizes: {},
    });
  });
});

describe("moving a column", () => {
  it("moves one place either way and stops at the ends", () => {
    expect(moveColumn(ids, "type", -1)).toEqual(["type", "timestamp", "description", "user"]);
    expect(moveColumn(ids, "type", 1)).toEqual(["timestamp", "description", "type", "user"]);
    expect(moveColumn(ids, "timestamp", -1)).toBe(ids);
    expect(moveColumn(ids, "user", 1)).toBe(ids);
  });

  it("puts a dropped column before or after its target", () => {
    expect(placeColumn(ids, "user", "type", "before")).toEqual(["timestamp", "user", "type", "description"]);
    expect(placeColumn(ids, "timestamp", "description", "after")).toEqual([
      "type",
      "description",
      "timestamp",
      "user",
    ]);
    expect(placeColumn(ids, "type", "type", "after")).toBe(ids);
  });
});
