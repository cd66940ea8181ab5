import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventSortFields } from "../../contract/sort-fields";
import { formatSort, parseSort } from "../../contract/sort-grammar";
import { sortingFromTerms, termsFromSorting } from "./table-sorting";

const sortTerms = fc.uniqueArray(
  fc.record({ field: fc.constantFrom(...eventSortFields), desc: fc.boolean() }),
  { selector: (term) => term.field, maxLength: eventSortFields.length },
);

describe("sorting ⇄ sort terms", () => {
  it("maps a TanStack column sort to the API's sort term", () => {
    expect(sortingFromTerms([{ field: "timestamp", desc: true }])).toEqual([{ id: "timestamp", desc: true }]);
    expect(
      termsFromSorting([
        { id: "type", desc: false },
        { id: "user", desc: true },
      ]),
    ).toEqual([
      { field: "type", desc: false },
      { field: "user", desc: true },
    ]);
  });

  it("round-trips in both directions and through the URL's sort syntax", () => {
    fc.assert(
      fc.property(sortTerms, (terms) => {
        expect(termsFromSorting(sortingFromTerms(terms))).toEqual(terms);
        const sorting = sortingFromTerms(terms);
        expect(sortingFromTerms(termsFromSorting(sorting))).toEqual(sorting);
        if (terms.length > 0) {
          expect(parseSort(formatSort(termsFromSorting(sorting)), eventSortFields)).toEqual({
            ok: true,
            value: terms,
          });
        }
      }),
    );
  });
});
