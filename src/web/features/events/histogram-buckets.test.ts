import { describe, expect, it } from "vitest";
import { parseQuery } from "../../../contract/query-grammar";
import {
  barRange,
  defaultHistogramSpanMs,
  histogramInterval,
  histogramQuery,
  histogramRange,
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
