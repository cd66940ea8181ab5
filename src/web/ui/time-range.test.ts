import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatRange, isoSeconds, isoToLocalInput, localInputToIso, presetRange } from "./time-range";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("time range conversions", () => {
  it("round-trips a time to the second through the local input format", () => {
    const seconds = fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 });
    fc.assert(
      fc.property(seconds, (s) => {
        const local = isoToLocalInput(isoSeconds(s * 1000));
        // The local wall-clock time survives; in a DST fall-back hour the instant may be the other occurrence.
        expect(isoToLocalInput(localInputToIso(local) ?? "")).toBe(local);
        expect(Math.abs(Date.parse(localInputToIso(local) ?? "") - s * 1000)).toBeLessThanOrEqual(3_600_000);
      }),
    );
  });

  it("reads a range's end without seconds as the end of its minute, so until keeps the last minute", () => {
    const end = localInputToIso("2026-11-18T23:59", true) ?? "";
    expect(end).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:59\.999Z$/);
    expect(Date.parse(end) - Date.parse(localInputToIso("2026-11-18T23:59") ?? "")).toBe(59_999);
    expect(localInputToIso("2026-11-18T23:59:30", true)).toBe(localInputToIso("2026-11-18T23:59:30"));
  });

  it("accepts a local input without seconds and rejects incomplete ones", () => {
    const iso = localInputToIso("2026-11-18T12:00") ?? "";
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    expect(isoToLocalInput(iso)).toBe("2026-11-18T12:00:00");
    expect(localInputToIso("2026-11-18")).toBeUndefined();
    expect(localInputToIso("")).toBeUndefined();
  });

  it("reads and writes the viewer's wall clock", async () => {
    vi.stubEnv("TZ", "America/Los_Angeles");
    vi.resetModules();
    const { isoToLocalInput, localInputToIso } = await import("./time-range");
    expect(localInputToIso("2026-11-18T12:00")).toBe("2026-11-18T20:00:00Z");
    expect(isoToLocalInput("2026-07-01T03:04:05Z")).toBe("2026-06-30T20:04:05");
  });

  it("builds presets ending now", () => {
    const now = Date.UTC(2026, 10, 18, 12, 0, 0, 750);
    expect(presetRange(60 * 60_000, now)).toEqual({
      from: "2026-11-18T11:00:00Z",
      until: "2026-11-18T12:00:00Z",
    });
  });
});

describe("formatRange", () => {
  it("writes a range within a year without it, 24-hour, in the chosen zone", () => {
    expect(formatRange("2026-11-18T12:00:00Z", "2026-11-19T00:30:00Z", "utc")).toBe(
      "Nov 18, 12:00 – Nov 19, 00:30",
    );
  });

  it("writes both years when the range spans two", () => {
    expect(formatRange("2026-12-31T23:00:00Z", "2027-01-01T01:00:00Z", "utc")).toBe(
      "Dec 31, 2026, 23:00 – Jan 1, 2027, 01:00",
    );
  });

  it("decides the year in the zone the times are shown in", async () => {
    vi.stubEnv("TZ", "Pacific/Chatham");
    vi.resetModules();
    const { formatRange } = await import("./time-range");
    // From 10:15 UTC on Dec 31 it is New Year's Day in Chatham (UTC+13:45).
    expect(formatRange("2026-12-31T11:00:00Z", "2026-12-31T12:00:00Z", "local")).toBe(
      "Jan 1, 00:45 – Jan 1, 01:45",
    );
    expect(formatRange("2026-12-31T09:00:00Z", "2026-12-31T12:00:00Z", "local")).toBe(
      "Dec 31, 2026, 22:45 – Jan 1, 2027, 01:45",
    );
  });
});
