import { describe, expect, it } from "vitest";
import { fromLocalInputValue, toLocalInputValue } from "./local-date-time";

describe("datetime-local values", () => {
  it("round-trip an instant through the viewer's wall clock, to the second", () => {
    const time = Date.parse("2026-11-18T12:34:56Z");
    expect(fromLocalInputValue(toLocalInputValue(time))).toBe("2026-11-18T12:34:56Z");
  });

  it("accept a value without seconds", () => {
    const value = toLocalInputValue(Date.parse("2026-11-18T12:34:00Z")).slice(0, 16);
    expect(fromLocalInputValue(value)).toBe("2026-11-18T12:34:00Z");
  });

  it("reject anything that is not a datetime-local value", () => {
    expect(fromLocalInputValue("")).toBeUndefined();
    expect(fromLocalInputValue("yesterday")).toBeUndefined();
    expect(fromLocalInputValue("2026-13-45T99:99")).toBeUndefined();
  });
});
