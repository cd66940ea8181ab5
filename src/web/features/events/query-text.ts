import { escapeFilterValue, formatQuery, parseQuery, type FilterTerm } from "../../../contract/query-grammar";
import type { Result } from "../../../contract/result";

/**
 * The query bar's text: `q` terms as people type them. Terms are separated by unescaped commas (the URL's
 * grammar), or, in a text without any, by spaces before `<known field>:` (`severity:2 reason:link_expired
 * user:sam`); space around a term is not part of it; escapes (`\,`, `\\`) are the grammar's.
 */
type Span = { start: number; end: number };

const fieldStart = /^([a-z_]+):/;

function startsKnownField(rest: string, fields: ReadonlySet<string>): boolean {
  const match = fieldStart.exec(rest);
  return match !== null && fields.has(match[1] ?? "");
}

function hasUnescapedComma(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === ",") return true;
  }
  return false;
}

/** The terms' spans in `text`, trimmed of surrounding space, empty ones left out. */
function termSpans(text: string, fields: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const bySpaces = !hasUnescapedComma(text);
  const close = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== "") spans.push({ start: start + lead, end: start + lead + trimmed.length });
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === "\\") {
      i++;
    } else if (char === ",") {
      close(i);
      start = i + 1;
    } else if (bySpaces && /\s/.test(char) && text.slice(start, i).includes(":")) {
      let next = i;
      while (next < text.length && /\s/.test(text[next] as string)) next++;
      if (startsKnownField(text.slice(next), fields)) {
        close(i);
        start = next;
        i = next - 1;
      }
    }
  }
  close(text.length);
  return spans;
}

/** The text as the URL's `q` (commas between terms), for the contract's parser and its messages. */
export function queryFromText(text: string, fields: ReadonlySet<string>): string {
  return termSpans(text, fields)
    .map(({ start, end }) => text.slice(start, end))
    .join(",");
}

/** Terms as the bar shows them: separated by spaces when that reads back the same, else by commas. */
export function textFromTerms(terms: readonly FilterTerm[], fields: ReadonlySet<string>): string {
  const written = terms.map(({ field, value }) => termText(field, value));
  const spaced = written.join(" ");
  const back = parseQuery(queryFromText(spaced, fields));
  const same = back.ok ? formatQuery(back.value) === formatQuery(terms) : terms.length === 0;
  if (same) return spaced;
  // A lone term whose value holds " <field>:" needs a comma to be read by commas alone.
  return written.length === 1 ? `${spaced},` : written.join(", ");
}

/** What the caret is completing: a field name, or a value of `field`. */
export type Completion =
  | { kind: "field"; start: number; end: number; typed: string }
  | { kind: "value"; start: number; end: number; field: string; typed: string };

/**
 * The completion at the caret: the term around it, or the word typed after a finished term and a space
 * (a field name in the making). `start`/`end` is the text a pick replaces.
 */
export function completionAt(text: string, caret: number, fields: ReadonlySet<string>): Completion {
  const span = termSpans(text, fields).find(({ start, end }) => start <= caret && caret <= end);
  const start = span?.start ?? caret;
  const end = span?.end ?? caret;
  const typed = text.slice(start, caret);
  const colon = typed.indexOf(":");
  if (colon < 0) return { kind: "field", start, end, typed };
  const afterSpace = /\s([a-z_]*)$/.exec(typed);
  if (afterSpace && afterSpace.index > colon) {
    const word = afterSpace[1] ?? "";
    return { kind: "field", start: caret - word.length, end: caret, typed: word };
  }
  return {
    kind: "value",
    start,
    end,
    field: typed.slice(0, colon),
    typed: typed.slice(colon + 1).replaceAll(/\\(.)/g, "$1"),
  };
}

/** The text with a completion's span replaced by `insert`, and the caret after it. */
export function applyCompletion(
  text: string,
  completion: Completion,
  insert: string,
): { text: string; caret: number } {
  const before = text.slice(0, completion.start);
  const after = text.slice(completion.end);
  return { text: before + insert + after, caret: before.length + insert.length };
}

export function termText(field: string, value: string): string {
  return `${field}:${escapeFilterValue(value)}`;
}

/** Parses the bar's text with the contract's grammar; an empty bar is no filter. */
export function termsFromText(text: string, fields: ReadonlySet<string>): Result<FilterTerm[]> {
  const q = queryFromText(text, fields);
  return q === "" ? { ok: true, value: [] } : parseQuery(q);
}

/** What a completed term is followed by, so that the next one is read as a term of its own. */
export function termSeparator(text: string): string {
  return hasUnescapedComma(text) ? ", " : " ";
}
