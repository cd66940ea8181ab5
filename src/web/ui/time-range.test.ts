import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoSeconds, isoToLocalInput, localInputToIso, presetRange } from "./time-range";

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
    expect(localInputToIso("2026-11-18T12:00")).toMatch(/^2026-11-1[78]T\d{2}:\d{2}:00Z$/);
    expect(localInputToIso("2026-11-18")).toBeUndefined();
    expect(localInputToIso("")).toBeUndefined();
  });

  it("builds presets ending now", () => {
    const now = Date.UTC(2026, 10, 18, 12, 0, 0, 750);
    expect(presetRange(60 * 60_000, now)).toEqual({
      from: "2026-11-18T11:00:00Z",
      until: "2026-11-18T12:00:00Z",
    });
  });
});
