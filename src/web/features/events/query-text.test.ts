import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventFilterFieldNames } from "../../../contract/filter-fields";
import { formatQuery } from "../../../contract/query-grammar";
import { applyCompletion, completionAt, queryFromText, termsFromText, textFromTerms } from "./query-text";

const fields = new Set<string>(eventFilterFieldNames);

function terms(text: string) {
  const parsed = termsFromText(text, fields);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe("the query bar's text", () => {
  it("separates terms by spaces before a known field, as people type them", () => {
    expect(terms("severity:2 status:FAILURE user:sam")).toEqual([
      { field: "severity", value: "2" },
      { field: "status", value: "FAILURE" },
      { field: "user", value: "sam" },
    ]);
  });

  it("keeps spaces inside a value unless a known field follows", () => {
    expect(terms("description:disk full colour:red user:sam")).toEqual([
      { field: "description", value: "disk full colour:red" },
      { field: "user", value: "sam" },
    ]);
  });

  it("uses commas alone as soon as the text has one, as the URL's q does", () => {
    expect(terms("description:a user:b, severity:2")).toEqual([
      { field: "description", value: "a user:b" },
      { field: "severity", value: "2" },
    ]);
    expect(terms(" description:a\\, b ,, user:sam ")).toEqual([
      { field: "description", value: "a, b" },
      { field: "user", value: "sam" },
    ]);
  });

  it("is no filter when empty, and answers the contract grammar's messages", () => {
    expect(terms("   ")).toEqual([]);
    expect(termsFromText("severity", fields)).toEqual({
      ok: false,
      message: 'q: the filter "severity" must be written field:value.',
    });
    expect(termsFromText("user: severity:2", fields)).toEqual({
      ok: false,
      message: "q: the filter user has an empty value.",
    });
  });

  it("writes terms with spaces, or with commas when spaces would read back differently", () => {
    expect(
      textFromTerms(
        [
          { field: "severity", value: "2" },
          { field: "description", value: "a, b" },
        ],
        fields,
      ),
    ).toBe("severity:2 description:a\\, b");
    expect(
      textFromTerms(
        [
          { field: "description", value: "see user:sam" },
          { field: "severity", value: "2" },
        ],
        fields,
      ),
    ).toBe("description:see user:sam, severity:2");
    expect(textFromTerms([], fields)).toBe("");
  });

  it("reads back any terms it writes (values without space at their ends)", () => {
    const value = fc
      .string({
        unit: fc.constantFrom("a", " ", ",", "\\", ":", "user:", " user:x", "é", "😀", "\t"),
        minLength: 1,
        maxLength: 10,
      })
      .filter((text) => text.trim() === text && text !== "");
    const term = fc.record({ field: fc.constantFrom(...fields), value });
    fc.assert(
      fc.property(fc.array(term, { maxLength: 6 }), (written) => {
        expect(formatQuery(terms(textFromTerms(written, fields)))).toBe(formatQuery(written));
      }),
      { numRuns: 1000 },
    );
  });

  it("turns into the URL's q with commas", () => {
    expect(queryFromText("severity:2 description:a\\,b", fields)).toBe("severity:2,description:a\\,b");
  });
});

describe("completion at the caret", () => {
  it("completes a field name at the start and after a finished term", () => {
    expect(completionAt("sev", 3, fields)).toEqual({ kind: "field", start: 0, end: 3, typed: "sev" });
    const text = "severity:2 us";
    expect(completionAt(text, text.length, fields)).toEqual({
      kind: "field",
      start: 11,
      end: 13,
      typed: "us",
    });
    expect(completionAt("severity:2 ", 11, fields)).toEqual({
      kind: "field",
      start: 11,
      end: 11,
      typed: "",
    });
  });

  it("completes a value, unescaped, of the term the caret is in", () => {
    expect(completionAt("severity:2 user:sa", 18, fields)).toEqual({
      kind: "value",
      start: 11,
      end: 18,
      field: "user",
      typed: "sa",
    });
    expect(completionAt("description:a\\,b, user:x", 16, fields)).toMatchObject({
      kind: "value",
      field: "description",
      typed: "a,b",
    });
  });

  it("replaces what the completion covers and puts the caret after it", () => {
    const text = "severity:2 user:sa status:FAILURE";
    const completion = completionAt(text, 18, fields);
    expect(applyCompletion(text, completion, "user:sam")).toEqual({
      text: "severity:2 user:sam status:FAILURE",
      caret: 19,
    });
  });
});
