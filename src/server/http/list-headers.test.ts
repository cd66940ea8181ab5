import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { headerSafe, pageLinks } from "./list-headers";

describe("headerSafe", () => {
  it("keeps printable ASCII and encodes the rest as UTF-8 percent escapes", () => {
    expect(headerSafe("description:a b,severity:1")).toBe("description:a b,severity:1");
    expect(headerSafe("user:José")).toBe("user:Jos%C3%A9");
    expect(headerSafe("tags:a\tb\u0000c\u007f")).toBe("tags:a%09b%00c%7F");
    expect(headerSafe("description:😀")).toBe("description:%F0%9F%98%80");
  });

  it("encodes % itself and spaces at either end, which HTTP would trim", () => {
    expect(headerSafe("description:50%")).toBe("description:50%25");
    expect(headerSafe(" description:x ")).toBe("%20description:x%20");
  });

  it("writes a lone surrogate as the replacement character instead of throwing", () => {
    expect(headerSafe("description:\uD800")).toBe("description:%EF%BF%BD");
  });

  it("always yields printable ASCII that decodeURIComponent turns back into the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const safe = headerSafe(text);
        expect(safe).toMatch(/^[\x21-\x7e]*(?: +[\x21-\x7e]+)*$/);
        expect(decodeURIComponent(safe)).toBe(text);
      }),
    );
  });
});

describe("pageLinks", () => {
  const url = new URL("http://x.test/api/v1/orgs/1/events?q=a%3Ab&sort=-id&per_page=7&page=3");

  it("links first and last always, prev off page 1, next before the last page, changing only page", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 100 }),
        fc.nat(5000),
        (page, perPage, total) => {
          const last = Math.max(1, Math.ceil(total / perPage));
          const rels = new Map(
            pageLinks(url, page, perPage, total)
              .split(", ")
              .map((part) => {
                const [, target = "", rel = ""] = /^<([^>]*)>; rel="(\w+)"$/.exec(part) ?? [];
                return [rel, new URLSearchParams(target.split("?")[1])] as const;
              }),
          );
          expect([...rels.keys()]).toEqual(
            ["first", page > 1 ? "prev" : "", page < last ? "next" : "", "last"].filter(Boolean),
          );
          expect(rels.get("first")?.get("page")).toBe("1");
          expect(rels.get("last")?.get("page")).toBe(String(last));
          if (page > 1) expect(rels.get("prev")?.get("page")).toBe(String(Math.min(page - 1, last)));
          if (page < last) expect(rels.get("next")?.get("page")).toBe(String(page + 1));
          for (const params of rels.values()) {
            expect([params.get("q"), params.get("sort"), params.get("per_page")]).toEqual([
              "a:b",
              "-id",
              "7",
            ]);
          }
        },
      ),
    );
  });
});
