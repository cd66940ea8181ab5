import { describe, expect, it } from "vitest";
import { surroundingFilters } from "./event-detail-actions";
import { fullEvent } from "./test-event";

const base = fullEvent;

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
