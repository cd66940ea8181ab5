import type { FilterTerm } from "../../../contract/query-grammar";
import { isoSeconds } from "../../ui/time-range";

/** The time range the failure counts cover: the URL's `from`/`until` chip, or the last 30 days. */
export type FailureRange = { from: string; until: string; isDefault: boolean };

const defaultSpanMs = 30 * 24 * 60 * 60_000;

/** Whole minutes, so remounting the page within a minute reuses the cached counts. */
export function defaultFailureRange(now = Date.now()): FailureRange {
  const until = Math.floor(now / 60_000) * 60_000;
  return { from: isoSeconds(until - defaultSpanMs), until: isoSeconds(until), isDefault: true };
}

export function rangeOf(filters: readonly FilterTerm[], fallback: FailureRange): FailureRange {
  const from = filters.find((term) => term.field === "from")?.value;
  const until = filters.find((term) => term.field === "until")?.value;
  return from && until ? { from, until, isDefault: false } : fallback;
}

export function rangeTerms(range: FailureRange): FilterTerm[] {
  return [
    { field: "from", value: range.from },
    { field: "until", value: range.until },
  ];
}

/**
 * The filters after picking `value` for `field` in a count list: it replaces that field's chips (or removes
 * them when `value` is undefined), and the counted range is written in so the table shows what was counted.
 */
export function pickFilter(
  filters: readonly FilterTerm[],
  field: string,
  value: string | undefined,
  range: FailureRange,
): FilterTerm[] {
  const kept = filters.filter(
    (term) => term.field !== field && term.field !== "from" && term.field !== "until",
  );
  return [...rangeTerms(range), ...kept, ...(value === undefined ? [] : [{ field, value }])];
}
