import { describe, expect, it } from "vitest";
import { saveableLocation, viewHref } from "./saveable-location";

describe("saveableLocation", () => {
  it("keeps the filters and order of the page, dropping page and the open event", () => {
    expect(
      saveableLocation("/orgs/2/failures", "?q=status%3AFAILURE&page=3&sort=-timestamp&event=99"),
    ).toEqual({
      path: "/orgs/2/failures",
      query: "q=status%3AFAILURE&sort=-timestamp",
    });
    expect(saveableLocation("/orgs/1/containers/c-0001", "")).toEqual({
      path: "/orgs/1/containers/c-0001",
      query: "",
    });
  });

  it("answers undefined on pages a view cannot open", () => {
    expect(saveableLocation("/orgs/1/nowhere", "?q=a")).toBeUndefined();
    expect(saveableLocation("/login", "")).toBeUndefined();
  });
});

describe("viewHref", () => {
  it("adds the query only when there is one", () => {
    expect(viewHref({ path: "/orgs/2/events", query: "" })).toBe("/orgs/2/events");
    expect(viewHref({ path: "/orgs/2/events", query: "sort=type" })).toBe("/orgs/2/events?sort=type");
  });
});
