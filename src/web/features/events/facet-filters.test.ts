import { describe, expect, it } from "vitest";
import type { FilterFieldConfig } from "../../ui/filter-field-config";
import { filterAnyOf, filterIs, valuesIsNot } from "./facet-filters";

const severity: FilterFieldConfig = {
  field: "severity",
  label: "Severity",
  editor: {
    kind: "select",
    options: [
      { value: "0", label: "Info" },
      { value: "1", label: "Warn" },
      { value: "2", label: "Critical" },
    ],
  },
};
const user: FilterFieldConfig = { field: "user", label: "User", editor: { kind: "text" } };

describe("facet filters", () => {
  it("'is' replaces the field's chips and keeps the others", () => {
    expect(
      filterIs(
        [
          { field: "severity", value: "0" },
          { field: "status", value: "FAILURE" },
          { field: "severity", value: "2" },
        ],
        "severity",
        "1",
      ),
    ).toEqual([
      { field: "status", value: "FAILURE" },
      { field: "severity", value: "1" },
    ]);
  });

  it("'is not' is every other value of a closed field, or the other chosen ones", () => {
    expect(valuesIsNot([], severity, "0")).toEqual(["1", "2"]);
    expect(
      valuesIsNot(
        [
          { field: "severity", value: "0" },
          { field: "severity", value: "2" },
        ],
        severity,
        "2",
      ),
    ).toEqual(["0"]);
    expect(valuesIsNot([{ field: "severity", value: "2" }], severity, "2")).toEqual([]);
  });

  it("has no 'is not' for open fields", () => {
    expect(valuesIsNot([], user, "sam")).toBeUndefined();
    expect(valuesIsNot([], undefined, "x")).toBeUndefined();
  });

  it("writes an OR of values as repeated chips", () => {
    expect(filterAnyOf([{ field: "type", value: "6" }], "severity", ["1", "2"])).toEqual([
      { field: "type", value: "6" },
      { field: "severity", value: "1" },
      { field: "severity", value: "2" },
    ]);
  });
});
