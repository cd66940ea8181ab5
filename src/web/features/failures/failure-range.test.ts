import { describe, expect, it } from "vitest";
import { pickFilter, rangeOf } from "./failure-range";

const range = { from: "2026-11-01T00:00:00Z", until: "2026-11-02T00:00:00Z" };

describe("rangeOf", () => {
  it("reads the from/until chip, and nothing without one (the whole table)", () => {
    expect(rangeOf([{ field: "severity", value: "1" }])).toBeUndefined();
    expect(
      rangeOf([
        { field: "from", value: range.from },
        { field: "until", value: range.until },
      ]),
    ).toEqual(range);
  });
});

describe("pickFilter", () => {
  it("replaces the field's chips and keeps the others, the time range among them", () => {
    const next = pickFilter(
      [
        { field: "container", value: "c-0001" },
        { field: "severity", value: "1" },
        { field: "from", value: range.from },
        { field: "until", value: range.until },
        { field: "container", value: "c-0003" },
      ],
      "container",
      "c-0002",
    );
    expect(next).toEqual([
      { field: "severity", value: "1" },
      { field: "from", value: range.from },
      { field: "until", value: range.until },
      { field: "container", value: "c-0002" },
    ]);
  });

  it("removes the field's chips when nothing is picked", () => {
    expect(pickFilter([{ field: "user", value: "ada" }], "user", undefined)).toEqual([]);
  });
});
