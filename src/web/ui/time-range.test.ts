import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isoSeconds, isoToLocalInput, localInputToIso, presetRange } from "./time-range";

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
