import { describe, expect, it } from "vitest";
import { defaultEventColumns, paramFromVisibility, visibilityFromParam } from "./event-column-visibility";
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

describe("an organisation with others under it", () => {
  it("shows the Organisation column by default, and keeps that default out of the URL", () => {
    const defaults = defaultEventColumns({ parentOrg: true, containerEvents: false });
    expect(defaults.organisation).toBe(true);
    expect(defaultEventColumns({ parentOrg: false, containerEvents: false }).organisation).toBe(false);
    expect(visibilityFromParam(null, defaults)).toBe(defaults);
    expect(paramFromVisibility(defaults, defaults)).toBeUndefined();
    const hidden = paramFromVisibility({ ...defaults, organisation: false }, defaults);
    expect(hidden?.split(",")).not.toContain("organisation");
  });
});

describe("a list of container events", () => {
  it("starts without the Endpoint column they never fill, whoever the organisation", () => {
    for (const parentOrg of [false, true]) {
      const defaults = defaultEventColumns({ parentOrg, containerEvents: true });
      expect(defaults.endpoint).toBe(false);
      expect(defaults.organisation).toBe(parentOrg);
      expect(defaultEventColumns({ parentOrg, containerEvents: false }).endpoint).not.toBe(false);
      expect(defaultEventColumns({ parentOrg, containerEvents: true })).toBe(defaults);
    }
  });
});
