import { describe, expect, it } from "vitest";
import { readView, viewSearch } from "./container-event-views";

describe("the view search param", () => {
  it("defaults to by_fail for a missing or unknown view", () => {
    expect(readView(new URLSearchParams())).toBe("by_fail");
    expect(readView(new URLSearchParams("view=by_nothing"))).toBe("by_fail");
    expect(readView(new URLSearchParams("view=by_block"))).toBe("by_block");
  });

  it("keeps filters and order, drops the page and leaves the default out", () => {
    const params = new URLSearchParams("q=container:c-0001&sort=id&page=3&view=by_access");
    expect(viewSearch(params, "by_expire")).toBe("?q=container%3Ac-0001&sort=id&view=by_expire");
    expect(viewSearch(params, "by_fail")).toBe("?q=container%3Ac-0001&sort=id");
    expect(viewSearch(new URLSearchParams("page=2"), "by_fail")).toBe("");
  });
});
