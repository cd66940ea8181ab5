import { listHeaders } from "../../contract/api-paths";
import { formatQuery, parseQuery } from "../../contract/query-grammar";
import { formatSort, type SortTerm } from "../../contract/sort-grammar";

/** Headers a browser script may read on a cross-origin answer. */
export const exposedHeaders = [...Object.values(listHeaders), "Link", "Content-Disposition", "Retry-After"];

type Echo = { q: string | undefined; rawSort: string | undefined; sort: readonly SortTerm[] };

/** `x-filter` and `x-sort`, as the grammar writes them back, only when the request gave them. */
export function echoHeaders(params: Echo): Record<string, string> {
  const headers: Record<string, string> = {};
  if (params.q !== undefined) {
    const terms = parseQuery(params.q);
    headers[listHeaders.filter] = headerSafe(terms.ok ? formatQuery(terms.value) : params.q);
  }
  if (params.rawSort !== undefined) headers[listHeaders.sort] = headerSafe(formatSort(params.sort));
  return headers;
}

/** The x-* paging headers and the `Link` header of the page `url` asked for. */
export function pageHeaders(url: URL, page: number, perPage: number, total: number): Record<string, string> {
  return {
    [listHeaders.perPage]: String(perPage),
    [listHeaders.page]: String(page),
    [listHeaders.total]: String(total),
    [listHeaders.totalPages]: String(Math.ceil(total / perPage)),
    Link: pageLinks(url, page, perPage, total),
  };
}

/**
 * RFC 8288 links to the first, previous, next and last pages: the request's path and query with only `page`
 * changed. The last page is 1 for an empty list; past the end, `prev` is the last page rather than a page
 * that is empty too.
 */
export function pageLinks(url: URL, page: number, perPage: number, total: number): string {
  const last = Math.max(1, Math.ceil(total / perPage));
  const link = (target: number, rel: string) => {
    const query = new URLSearchParams(url.searchParams);
    query.set("page", String(target));
    return `<${url.pathname}?${query.toString()}>; rel="${rel}"`;
  };
  return [
    link(1, "first"),
    ...(page > 1 ? [link(Math.min(page - 1, last), "prev")] : []),
    ...(page < last ? [link(page + 1, "next")] : []),
    link(last, "last"),
  ].join(", ");
}

/**
 * Percent-encodes every character outside printable ASCII, `%` itself, and a space at either end (HTTP
 * trims those), so the header carries only printable ASCII and `decodeURIComponent` gives back exactly the
 * text the grammar wrote.
 */
export function headerSafe(text: string): string {
  const chars = Array.from(text);
  return chars
    .map((char, index) => {
      const code = char.codePointAt(0) ?? 0;
      const atEnd = index === 0 || index === chars.length - 1;
      const plain = code > 0x20 && code <= 0x7e && char !== "%";
      return plain || (char === " " && !atEnd) ? char : encodeCodePoint(char);
    })
    .join("");
}

function encodeCodePoint(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    // A lone surrogate has no UTF-8 form; write the replacement character, as a UTF-8 encoder would.
    return "%EF%BF%BD";
  }
}
