import { describe, expect, it } from "vitest";
import type { Event } from "../../../contract/event";
import { surroundingFilters } from "./event-detail-actions";

const base: Event = {
  id: 7,
  timestamp: "2026-11-18T12:00:00Z",
  alert: false,
  description: "x",
  status: "FAILURE",
  event_type: { id: 100, description: "ACCESS" },
  event_source: { id: 2, description: "API" },
  event_severity: { id: 1, description: "Warn" },
  organisation: { id: 2, name: "Acme Logistics" },
  user: { id: 3, username: "sam@acme.test", name: "Sam" },
  endpoint: null,
  sim: null,
  imsi: null,
  container: { id: "c-0001", name: "Leases.pdf" },
};

describe("surroundingFilters", () => {
  it("is the same container, 15 minutes either side", () => {
    expect(surroundingFilters(base)).toEqual([
      { field: "from", value: "2026-11-18T11:45:00.000Z" },
      { field: "until", value: "2026-11-18T12:15:00.000Z" },
      { field: "container", value: "c-0001" },
    ]);
  });

  it("is the same user when the event has no container, and only the time when it has neither", () => {
    expect(surroundingFilters({ ...base, container: null }).at(-1)).toEqual({
      field: "user",
      value: "sam@acme.test",
    });
    expect(surroundingFilters({ ...base, container: null, user: null })).toHaveLength(2);
  });
});
