import { describe, expect, it } from "vitest";
import { defaultFailureRange, pickFilter, rangeOf } from "./failure-range";

const range = { from: "2026-11-01T00:00:00Z", until: "2026-11-02T00:00:00Z", isDefault: false };

describe("rangeOf", () => {
  it("reads the from/until chip, or falls back", () => {
    const fallback = defaultFailureRange(Date.parse("2026-11-23T10:00:30Z"));
    expect(fallback).toEqual({
      from: "2026-10-24T10:00:00Z",
      until: "2026-11-23T10:00:00Z",
      isDefault: true,
    });
    expect(rangeOf([{ field: "severity", value: "1" }], fallback)).toBe(fallback);
    expect(
      rangeOf(
        [
          { field: "from", value: range.from },
          { field: "until", value: range.until },
        ],
        fallback,
      ),
    ).toEqual(range);
  });
});

describe("pickFilter", () => {
  it("replaces the field's chips, keeps the others and writes the counted range", () => {
    const next = pickFilter(
      [
        { field: "container", value: "c-0001" },
        { field: "severity", value: "1" },
        { field: "from", value: "2020-01-01T00:00:00Z" },
        { field: "until", value: "2020-01-02T00:00:00Z" },
      ],
      "container",
      "c-0002",
      range,
    );
    expect(next).toEqual([
      { field: "from", value: range.from },
      { field: "until", value: range.until },
      { field: "severity", value: "1" },
      { field: "container", value: "c-0002" },
    ]);
  });

  it("removes the field's chips when nothing is picked", () => {
    expect(pickFilter([{ field: "user", value: "ada" }], "user", undefined, range)).toEqual([
      { field: "from", value: range.from },
      { field: "until", value: range.until },
    ]);
  });
});
