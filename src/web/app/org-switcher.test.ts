import { describe, expect, it } from "vitest";
import { samePageIn } from "./org-switcher";

describe("samePageIn", () => {
  it("keeps the view's filters, order, size, columns and tab, from page 1 with no event open", () => {
    expect(
      samePageIn(
        "/orgs/1/failures",
        "?view=by_access&q=severity%3A1&sort=-id&page=4&per_page=100&event=77",
        2,
      ),
    ).toBe("/orgs/2/failures?view=by_access&q=severity%3A1&sort=-id&per_page=100");
    expect(samePageIn("/orgs/1/events", "?cols=id,timestamp", 3)).toBe("/orgs/3/events?cols=id%2Ctimestamp");
  });

  it("turns a container's timeline into the other organisation's containers, and unknown pages into events", () => {
    expect(samePageIn("/orgs/1/containers/c-0001", "?at=5&q=status%3AFAILURE", 2)).toBe("/orgs/2/containers");
    expect(samePageIn("/orgs/1/elsewhere", "?q=x", 2)).toBe("/orgs/2/events");
  });
});
