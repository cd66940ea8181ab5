import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issueParam } from "./issue-param";

const schema = z.strictObject({
  events: z.array(
    z.strictObject({ status: z.enum(["SUCCESS", "FAILURE"]), tags: z.array(z.string()).optional() }),
  ),
});
const paramOf = (body: unknown) => {
  const parsed = schema.safeParse(body);
  if (parsed.success) throw new Error("expected the body to be refused");
  return issueParam(parsed.error).param;
};

describe("issueParam names the field as a client reaches it", () => {
  it("a field of a list item", () => {
    expect(paramOf({ events: [{ status: "SUCCESS" }, { status: "OK" }] })).toBe("events[1].status");
  });
  it("an item of a nested list", () => {
    expect(paramOf({ events: [{ status: "SUCCESS", tags: ["a", 5] }] })).toBe("events[0].tags[1]");
  });
  it("an unknown key, at the top and inside an item", () => {
    expect(paramOf({ events: [], colour: "red" })).toBe("colour");
    expect(paramOf({ events: [{ status: "SUCCESS", colour: "red" }] })).toBe("events[0].colour");
  });
  it("the list itself", () => {
    expect(paramOf({ events: "none" })).toBe("events");
  });
});
