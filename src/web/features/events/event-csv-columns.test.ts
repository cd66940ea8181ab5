import { describe, expect, it } from "vitest";
import { csvColumns } from "../../../contract/csv";
import { eventColumnChoices } from "./event-column-visibility";
import { eventCsvColumns } from "./event-csv-columns";

describe("event table columns in the CSV", () => {
  it("every table column has its own CSV column, and every CSV column a table column", () => {
    const mapped = eventCsvColumns(eventColumnChoices.map((choice) => choice.id));
    expect(mapped).toHaveLength(eventColumnChoices.length);
    expect([...mapped].sort()).toEqual([...csvColumns].sort());
  });

  it("keeps the table's order and leaves out columns the CSV does not have", () => {
    expect(eventCsvColumns(["description", "timeline", "type", "timestamp"])).toEqual([
      "description",
      "event_type",
      "timestamp",
    ]);
  });
});
