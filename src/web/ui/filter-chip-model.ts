import type { FilterTerm } from "../../contract/query-grammar";

/**
 * Chips are how the filter bar shows `q` terms: one chip per term, except that a `from` and an `until` given
 * once each become a single time-range chip (the API only accepts them as a pair).
 */
export type FilterChip =
  { kind: "term"; field: string; value: string } | { kind: "range"; from: string; until: string };

export function chipsFromTerms(terms: readonly FilterTerm[]): FilterChip[] {
  const froms = terms.filter((term) => term.field === "from");
  const untils = terms.filter((term) => term.field === "until");
  const from = froms[0];
  const until = untils[0];
  const pairable = froms.length === 1 && untils.length === 1 && from && until;
  const chips: FilterChip[] = [];
  for (const term of terms) {
    if (pairable && (term.field === "from" || term.field === "until")) {
      if (!chips.some((chip) => chip.kind === "range")) {
        chips.push({ kind: "range", from: from.value, until: until.value });
      }
    } else {
      chips.push({ kind: "term", field: term.field, value: term.value });
    }
  }
  return chips;
}

export function termsFromChips(chips: readonly FilterChip[]): FilterTerm[] {
  return chips.flatMap((chip): FilterTerm[] =>
    chip.kind === "range"
      ? [
          { field: "from", value: chip.from },
          { field: "until", value: chip.until },
        ]
      : [{ field: chip.field, value: chip.value }],
  );
}

/** The q fields a chip stands for, to match a server message naming one of them. */
export function chipFields(chip: FilterChip): string[] {
  return chip.kind === "range" ? ["from", "until"] : [chip.field];
}

/**
 * The chip a server's 400 message about `q` is about: the one whose field the message names first, as in
 * "q: severity must be a numeric id." or 'q: unknown filter field "colour"'. -1 when none is named.
 */
export function rejectedChipIndex(chips: readonly FilterChip[], message: string): number {
  let best = -1;
  let bestAt = Number.POSITIVE_INFINITY;
  chips.forEach((chip, index) => {
    for (const field of chipFields(chip)) {
      const at = message.search(new RegExp(`(^|[^a-z_])${field}([^a-z_]|$)`));
      if (at >= 0 && at < bestAt) {
        best = index;
        bestAt = at;
      }
    }
  });
  return best;
}
