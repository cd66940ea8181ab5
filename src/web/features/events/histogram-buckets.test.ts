import { describe, expect, it } from "vitest";
import { bucketFilters, defaultHistogramSpanMs, histogramBuckets, histogramRange } from "./histogram-buckets";

describe("histogramRange", () => {
  it("takes the filters' from/until pair", () => {
    const range = histogramRange(
      [
        { field: "severity", value: "2" },
        { field: "from", value: "2026-11-01T00:00:00Z" },
        { field: "until", value: "2026-11-02T00:00:00Z" },
      ],
      0,
    );
    expect(range).toEqual({
      from: Date.parse("2026-11-01T00:00:00Z"),
      until: Date.parse("2026-11-02T00:00:00Z"),
    });
  });

  it("defaults to the last 30 days up to the next whole minute", () => {
    const now = Date.parse("2026-11-23T10:15:30Z");
    const range = histogramRange([{ field: "from", value: "2026-11-01T00:00:00Z" }], now);
    expect(range.until).toBe(Date.parse("2026-11-23T10:16:00Z"));
    expect(range.until - range.from).toBe(defaultHistogramSpanMs);
  });
});

describe("histogramBuckets", () => {
  it("covers the range with touching, non-overlapping whole-second buckets", () => {
    const from = Date.parse("2026-11-01T00:00:00Z");
    const buckets = histogramBuckets({ from, until: from + 24 * 3_600_000 }, 24);
    expect(buckets).toHaveLength(24);
    expect(buckets[0]).toEqual({ from: "2026-11-01T00:00:00Z", until: "2026-11-01T01:00:00Z" });
    expect(buckets.at(-1)?.until).toBe("2026-11-02T00:00:00Z");
    for (let i = 1; i < buckets.length; i++) {
      expect(Date.parse(buckets[i]?.from ?? "") - Date.parse(buckets[i - 1]?.until ?? "")).toBe(1000);
    }
  });

  it("makes equal buckets when the range divides evenly", () => {
    const from = Date.parse("2026-11-01T00:00:00Z");
    const buckets = histogramBuckets({ from, until: from + 24 * 3_600_000 - 1000 }, 24);
    expect(buckets).toHaveLength(24);
    expect(buckets[1]).toEqual({ from: "2026-11-01T01:00:00Z", until: "2026-11-01T01:59:59Z" });
  });

  it("makes one-second buckets for a range shorter than the count", () => {
    const from = Date.parse("2026-11-01T00:00:00Z");
    expect(histogramBuckets({ from, until: from + 2000 }, 24)).toHaveLength(3);
  });
});

describe("bucketFilters", () => {
  it("keeps other filters and replaces the time range", () => {
    expect(
      bucketFilters(
        [
          { field: "from", value: "a" },
          { field: "type", value: "6" },
          { field: "until", value: "b" },
        ],
        { from: "2026-11-01T00:00:00Z", until: "2026-11-01T00:59:59Z" },
      ),
    ).toEqual([
      { field: "type", value: "6" },
      { field: "from", value: "2026-11-01T00:00:00Z" },
      { field: "until", value: "2026-11-01T00:59:59Z" },
    ]);
  });
});
