import { describe, expect, it } from "vitest";
import { containerFilterFields, eventFilterFields } from "../../contract/filter-fields";
import { chipProblem } from "./filter-validation";

const term = (field: string, value: string) => ({ kind: "term" as const, field, value });

describe("chipProblem", () => {
  it("accepts values the contract accepts", () => {
    expect(chipProblem(term("severity", "2"), eventFilterFields, "Severity")).toBeUndefined();
    expect(chipProblem(term("ip_address", "2001:db8::1"), eventFilterFields, "IP address")).toBeUndefined();
    expect(chipProblem(term("timestamp", "2026-11-18"), eventFilterFields, "Day")).toBeUndefined();
    expect(chipProblem(term("blocked", "true"), containerFilterFields, "Blocked")).toBeUndefined();
  });

  it("names the field and the contract's reason for a bad value", () => {
    expect(chipProblem(term("severity", "high"), eventFilterFields, "Severity")).toBe(
      "Severity must be a numeric id.",
    );
    expect(chipProblem(term("imei", "35-209"), eventFilterFields, "IMEI")).toBe("IMEI must be digits only.");
    expect(chipProblem(term("ip_address", "10.0.0"), eventFilterFields, "IP address")).toMatch(
      /IPv4 or IPv6/,
    );
    expect(chipProblem(term("description", "  "), eventFilterFields, "Description")).toBe("Enter a value.");
  });

  it("rejects a field the list does not know", () => {
    expect(chipProblem(term("severity", "1"), containerFilterFields, "Severity")).toBe(
      "Severity cannot be filtered on here.",
    );
    expect(chipProblem(term("toString", "1"), eventFilterFields, "toString")).toMatch(/cannot be filtered/);
  });

  it("checks a time range's ends and order", () => {
    const range = (from: string, until: string) => ({ kind: "range" as const, from, until });
    expect(
      chipProblem(range("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"), eventFilterFields, "Time"),
    ).toBeUndefined();
    expect(
      chipProblem(range("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z"), eventFilterFields, "Time"),
    ).toBe("The start must not be after the end.");
    expect(chipProblem(range("yesterday", "2026-11-01T00:00:00Z"), eventFilterFields, "Time")).toMatch(
      /^Start must be a date-time/,
    );
    expect(chipProblem(range("", "2026-11-01T00:00:00Z"), eventFilterFields, "Time")).toBe(
      "Enter both a start and an end.",
    );
    expect(
      chipProblem(range("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"), containerFilterFields, "Time"),
    ).toMatch(/cannot be filtered by time/);
  });
});
