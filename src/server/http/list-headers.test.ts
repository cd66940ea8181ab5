import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { headerSafe } from "./list-headers";

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
