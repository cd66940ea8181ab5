import { describe, expect, it } from "vitest";
import { paramFromVisibility, visibilityFromParam } from "./event-column-visibility";
import { defaultHiddenEventColumns } from "./events-columns";

describe("event column visibility in the URL", () => {
  it("leaves the default columns out of the URL", () => {
    expect(visibilityFromParam(null)).toBe(defaultHiddenEventColumns);
    expect(paramFromVisibility(defaultHiddenEventColumns)).toBeUndefined();
  });

  it("writes the visible columns in table order and reads them back", () => {
    const visibility = { ...defaultHiddenEventColumns, ip_address: true, description: false };
    const cols = paramFromVisibility(visibility);
    expect(cols).toBe("timestamp,type,severity,source,status,user,endpoint,container,ip_address");
    const read = visibilityFromParam(cols ?? null);
    expect(read.ip_address).toBe(true);
    expect(read.description).toBe(false);
    expect(read.id).toBe(false);
    expect(paramFromVisibility(read)).toBe(cols);
  });

  it("ignores unknown ids and falls back to the default when nothing known is left", () => {
    expect(visibilityFromParam("id,nonsense").id).toBe(true);
    expect(visibilityFromParam("nonsense")).toBe(defaultHiddenEventColumns);
  });
});
