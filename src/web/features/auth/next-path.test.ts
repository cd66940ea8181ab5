import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

/** Pieces that make parsers disagree: dot segments (also percent-encoded), both slashes, schemes, hosts. */
const trickyPiece = fc.constantFrom(
  "/",
  "//",
  "\\",
  ".",
  "..",
  "%2e",
  "%2E%2e",
  "%2f",
  "%5c",
  "%00",
  "\t",
  "\n",
  " ",
  "@",
  ":",
  "?",
  "#",
  "orgs",
  "1",
  "events",
  "evil.test",
  "http:",
  "javascript:",
);
const anyNext = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.webPath(),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.array(trickyPiece, { maxLength: 12 }).map((pieces) => pieces.join("")),
  fc.array(trickyPiece, { maxLength: 12 }).map((pieces) => `/${pieces.join("")}`),
  fc
    .tuple(fc.nat(999), fc.array(trickyPiece, { maxLength: 12 }))
    .map(([orgId, pieces]) => `/orgs/${String(orgId)}/${pieces.join("")}`),
);
const bases = ["http://eventdesk.test/login?next=x", "https://console.example:8443/deep/path/"];

describe("safeNextPath", () => {
  it("keeps a page of an organisation with its search", () => {
    expect(safeNextPath("/orgs/2/events?sort=-severity&q=type:6")).toBe(
      "/orgs/2/events?sort=-severity&q=type:6",
    );
    expect(safeNextPath("/orgs/1/containers/c%2F1")).toBe("/orgs/1/containers/c%2F1");
    expect(safeNextPath("/orgs/3")).toBe("/orgs/3");
  });

  it("normalises dot segments the way the browser would", () => {
    expect(safeNextPath("/orgs/2/../1/failures")).toBe("/orgs/1/failures");
    expect(safeNextPath("/orgs/2/%2e%2e/1/events")).toBe("/orgs/1/events");
  });

  it("sends anything that could leave the origin to /", () => {
    for (const next of [
      null,
      "",
      "https://evil.test/x",
      "//evil.test/x",
      "/\\evil.test",
      "/\t/evil.test",
      "javascript:alert(1)",
      "orgs/1",
      "/..//evil.test",
      "/.//x",
      "/a/..//x",
      "/%2e%2e//x",
      "/orgs/1/../..//evil.test",
      "/orgs/1/..\\..\\/evil.test",
    ]) {
      expect(safeNextPath(next), String(next)).toBe("/");
    }
  });

  it("sends a page that does not exist to /", () => {
    for (const next of ["/login", "/x", "/orgs", "/orgs/", "/orgs/abc/events", "/orgs/1e3/events"]) {
      expect(safeNextPath(next), next).toBe("/");
    }
  });

  it("whatever the input, answers a path that stays on the origin wherever it is resolved", () => {
    fc.assert(
      fc.property(anyNext, (next) => {
        const path = safeNextPath(next);
        expect(path).toMatch(/^\/(?![/\\])/);
        expect(path === "/" || path.startsWith("/orgs/")).toBe(true);
        for (const base of bases) {
          const resolved = new URL(path, base);
          expect(resolved.origin).toBe(new URL(base).origin);
          expect(resolved.pathname).toMatch(/^\/(?!\/)/);
        }
        expect(safeNextPath(path)).toBe(path);
      }),
      { numRuns: 2000 },
    );
  });
});
