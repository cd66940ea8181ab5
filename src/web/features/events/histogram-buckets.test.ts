import { describe, expect, it } from "vitest";
import { parseQuery } from "../../../contract/query-grammar";
import {
  barRange,
  barsOf,
  histogramInterval,
  histogramQuery,
  histogramRange,
  maxBars,
  spanOf,
} from "./histogram-buckets";

const hour = 3_600_000;
const day = 24 * hour;

describe("histogramRange", () => {
  it("takes the filters' from/until pair", () => {
    const range = histogramRange(
      [
        { field: "severity", value: "2" },
        { field: "from", value: "2026-11-01T00:00:00Z" },
        { field: "until", value: "2026-11-02T00:00:00Z" },
      ],
      { from: 0, until: 1 },
    );
    expect(range).toEqual({
      from: Date.parse("2026-11-01T00:00:00Z"),
      until: Date.parse("2026-11-02T00:00:00Z"),
    });
  });

  it("without a pair, covers the list's own bounds, and nothing while they are unknown", () => {
    const bounds = { from: Date.parse("2026-09-01T10:00:00Z"), until: Date.parse("2026-12-01T09:00:00Z") };
    expect(histogramRange([{ field: "from", value: "2026-11-01T00:00:00Z" }], bounds)).toBe(bounds);
    expect(histogramRange([{ field: "severity", value: "2" }], undefined)).toBeUndefined();
  });
});

describe("barsOf", () => {
  const range = { from: Date.parse("2026-01-01T06:00:00Z"), until: Date.parse("2026-04-10T12:00:00Z") };
  const buckets = Array.from({ length: 100 }, (_, i) => ({
    start: new Date(Date.parse("2026-01-01T00:00:00Z") + i * day).toISOString(),
    count: i,
  }));

  it("sums runs of buckets into at most maxBars bars, keeping every count and the range's ends", () => {
    const bars = barsOf(buckets, "1d", range);
    expect(bars.length).toBeLessThanOrEqual(maxBars);
    expect(bars).toHaveLength(34);
    expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe((99 * 100) / 2);
    expect(bars[0]).toEqual({
      slice: { from: "2026-01-01T06:00:00.000Z", until: "2026-01-03T23:59:59.999Z" },
      count: 0 + 1 + 2,
    });
    expect(bars.at(-1)?.slice.until).toBe("2026-04-10T12:00:00.000Z");
    for (let i = 1; i < bars.length; i++) {
      expect(Date.parse(bars[i]?.slice.from ?? "")).toBe(Date.parse(bars[i - 1]?.slice.until ?? "") + 1);
    }
  });

  it("keeps one bar per bucket when they fit", () => {
    expect(barsOf(buckets.slice(0, maxBars), "1d", range)).toHaveLength(maxBars);
  });

  it("spans dragged bars in either direction", () => {
    const bars = barsOf(buckets, "1d", range);
    expect(spanOf(bars, 5, 2)).toEqual({ from: bars[2]?.slice.from, until: bars[5]?.slice.until });
    expect(spanOf(bars, 3, 3)).toEqual(bars[3]?.slice);
    expect(spanOf(bars, 0, 99)).toBeUndefined();
  });
});

describe("histogramInterval", () => {
  const from = Date.parse("2026-11-01T10:30:00Z");
  it.each([
    [30 * day, "1d"],
    [7 * day, "6h"],
    [day, "1h"],
    [6 * hour, "15m"],
    [hour, "5m"],
    [10 * 60_000, "1m"],
    [400 * day, "1d"],
  ])("over %i ms picks %s, the smallest interval giving at most maxBars bars", (span, interval) => {
    expect(histogramInterval({ from, until: from + span })).toBe(interval);
  });
});

describe("histogramQuery", () => {
  it("keeps other filters and replaces the time range, to the millisecond", () => {
    const q = histogramQuery(
      [
        { field: "from", value: "a" },
        { field: "type", value: "6" },
        { field: "until", value: "b" },
      ],
      { from: Date.parse("2026-11-01T00:00:00Z"), until: Date.parse("2026-11-01T00:59:59.999Z") },
    );
    expect(parseQuery(q)).toEqual({
      ok: true,
      value: [
        { field: "type", value: "6" },
        { field: "from", value: "2026-11-01T00:00:00.000Z" },
        { field: "until", value: "2026-11-01T00:59:59.999Z" },
      ],
    });
  });
});

describe("barRange", () => {
  const range = { from: Date.parse("2026-11-01T10:30:00Z"), until: Date.parse("2026-11-02T09:15:00Z") };
  it("is the bucket, clipped to the range at both ends", () => {
    expect(barRange(Date.parse("2026-11-01T00:00:00Z"), "1d", range)).toEqual({
      from: "2026-11-01T10:30:00.000Z",
      until: "2026-11-01T23:59:59.999Z",
    });
    expect(barRange(Date.parse("2026-11-02T00:00:00Z"), "1d", range)).toEqual({
      from: "2026-11-02T00:00:00.000Z",
      until: "2026-11-02T09:15:00.000Z",
    });
    expect(barRange(Date.parse("2026-11-01T12:00:00Z"), "1h", range)).toEqual({
      from: "2026-11-01T12:00:00.000Z",
      until: "2026-11-01T12:59:59.999Z",
    });
  });
});
