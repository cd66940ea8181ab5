import { describe, expect, it } from "vitest";
import { containerEventTypeIds } from "../../../contract/catalogue";
import type { FilterFieldConfig } from "../../ui/filter-field-config";
import { eventFilterFieldConfigs, fieldsForView } from "./event-filter-fields";

const types = {
  event_types: [
    { id: containerEventTypeIds.ACCESS, description: "ACCESS" },
    { id: containerEventTypeIds.BLOCK, description: "BLOCK" },
    { id: 1, description: "Update location" },
  ],
  sources: [],
  severities: [],
};
const all = eventFilterFieldConfigs(types);
const options = (fields: FilterFieldConfig[], field: string) => {
  const editor = fields.find((config) => config.field === field)?.editor;
  return editor?.kind === "select" ? editor.options.map((option) => option.value) : undefined;
};

describe("fieldsForView", () => {
  it("offers everything on the organisation's events", () => {
    expect(fieldsForView(all, "events")).toEqual(all);
  });

  it("offers neither device fields nor other types on container views, nor Success on the failures view", () => {
    const failures = fieldsForView(all, "by_fail");
    expect(failures.map((config) => config.field)).not.toContain("imei");
    expect(failures.map((config) => config.field)).not.toContain("ip_address");
    expect(options(failures, "status")).toEqual(["FAILURE"]);
    expect(options(failures, "type")).toEqual([
      String(containerEventTypeIds.ACCESS),
      String(containerEventTypeIds.BLOCK),
    ]);
    expect(options(fieldsForView(all, "by_block"), "type")).toEqual([String(containerEventTypeIds.BLOCK)]);
    expect(options(fieldsForView(all, { container: "c-0001" }), "status")).toEqual(["FAILURE", "SUCCESS"]);
  });
});
