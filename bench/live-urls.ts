import { formatQuery, parseQuery } from "../src/contract/query-grammar";
import type { ValuePools } from "./live-values";
import { entryPath, perPageOf, type MatrixEntry } from "./matrix";

/** How an entry's pages vary: next to its own page (1, 2, 3… or 100, 101, 99…), or spread up to 10,000. */
export type PagePolicy = "around" | "spread";
export type LiveEntry = MatrixEntry & { pages: PagePolicy };

/** One request to send: its path, the alternative it belongs to, and whether the server counts its filter anew. */
export type LiveRequest = { path: string; gzip: boolean; alternative: number; newCount: boolean };

/** The deepest page. */
export const deepestPage = 10_000;
const hourMs = 60 * 60 * 1000;
/** Fractional steps of the golden ratio spread pages evenly without repeating soon. */
const golden = 0.6180339887498949;

/** The matrix's entries, and pages 1–10,000 spread out next to its paging entries. */
export function liveEntries(matrix: readonly MatrixEntry[], orgId: number): LiveEntry[] {
  const entries: LiveEntry[] = matrix.map((entry) => ({ ...entry, pages: "around" }));
  const spread: LiveEntry = {
    name: `pages 1–${deepestPage.toLocaleString("en-US")} (spread)`,
    group: "paging",
    orgId,
    query: {},
    pages: "spread",
  };
  const lastPaging = entries.findLastIndex((entry) => entry.group === "paging");
  entries.splice(lastPaging + 1, 0, spread);
  return entries;
}

/**
 * The alternatives an entry allows: a single filter takes each value of its field's pool, one container's
 * events each container, a time range is moved back an hour at a time; every other entry keeps its values.
 */
function alternatives(entry: LiveEntry, pools: ValuePools): LiveEntry[] {
  if (entry.containerId !== undefined) {
    return pools.containerIds.map((containerId) => ({ ...entry, containerId }));
  }
  const parsed = entry.query.q === undefined ? undefined : parseQuery(entry.query.q);
  if (!parsed?.ok) return [entry];
  const terms = parsed.value;
  const withQ = (q: string): LiveEntry => ({ ...entry, query: { ...entry.query, q } });
  const single = terms.length === 1 ? terms[0] : undefined;
  const values = single && entry.group === "filter" ? pools.fields[single.field] : undefined;
  if (single && values) return values.map((value) => withQ(formatQuery([{ field: single.field, value }])));
  if (!terms.some((term) => term.field === "from")) return [entry];
  return Array.from({ length: 24 }, (_, hours) =>
    withQ(
      formatQuery(
        terms.map((term) =>
          term.field === "from" || term.field === "until"
            ? { ...term, value: new Date(Date.parse(term.value) - hours * hourMs).toISOString() }
            : term,
        ),
      ),
    ),
  );
}

type Alternative = { entry: LiveEntry; countKey: string; step: number };

/**
 * The requests of one entry, none the same URL as any other request of the run (`used` is shared by every
 * entry's source): alternatives in turn, each on its next page. A page past an alternative's last page is
 * never asked; until an answer tells the total of its filter (`totals`, shared too: the sorts and the
 * default view share one), only its own page is.
 */
export class UrlSource {
  private readonly alternatives: Alternative[];
  private turn = 0;

  constructor(
    readonly entry: LiveEntry,
    pools: ValuePools,
    private readonly used: Set<string>,
    private readonly totals: Map<string, number | undefined>,
  ) {
    this.alternatives = alternatives(entry, pools).map((alternative) => ({
      entry: alternative,
      countKey: countKey(alternative),
      step: 0,
    }));
  }

  /** The next request, or undefined when none is left (or none until an answer in flight tells a total). */
  next(): LiveRequest | undefined {
    for (let tried = 0; tried < this.alternatives.length; tried++) {
      const index = (this.turn + tried) % this.alternatives.length;
      const alternative = this.alternatives[index];
      if (!alternative) continue;
      const request = this.nextOf(alternative, index);
      if (request) {
        this.turn = index + 1;
        return request;
      }
    }
    return undefined;
  }

  /** The total an answer gave (`x-total-count`): pages up to the last one become available. */
  learn(request: LiveRequest, total: number): void {
    const alternative = this.alternatives[request.alternative];
    if (!alternative || !Number.isFinite(total)) return;
    const known = this.totals.get(alternative.countKey) ?? 0;
    this.totals.set(alternative.countKey, Math.max(known, total));
  }

  private nextOf(alternative: Alternative, index: number): LiveRequest | undefined {
    const gzip = this.entry.gzip !== false;
    for (;;) {
      const page = this.pageOf(alternative);
      if (page === undefined) return undefined;
      const path = entryPath({ ...alternative.entry, query: { ...alternative.entry.query, page } });
      const key = `${gzip ? "gzip" : "identity"} ${path}`;
      if (this.used.has(key)) continue;
      this.used.add(key);
      const newCount = !this.totals.has(alternative.countKey);
      if (newCount) this.totals.set(alternative.countKey, undefined);
      return { path, gzip, alternative: index, newCount };
    }
  }

  private pageOf(alternative: Alternative): number | undefined {
    const own = alternative.entry.query.page ?? 1;
    const total = this.totals.get(alternative.countKey);
    const lastPage =
      total === undefined ? undefined : Math.max(1, Math.ceil(total / perPageOf(alternative.entry)));
    if (lastPage === undefined) {
      if (alternative.step > 0) return undefined;
      alternative.step++;
      return this.entry.pages === "spread" ? 1 : own;
    }
    if (this.entry.pages === "spread") {
      const top = Math.min(deepestPage, lastPage);
      if (alternative.step > 4 * top) return undefined;
      return 1 + Math.floor(((alternative.step++ * golden) % 1) * top);
    }
    // 0, +1, −1, +2, −2… around the entry's own page, within 1…lastPage.
    for (;;) {
      const k = alternative.step;
      const offset = k % 2 === 1 ? (k + 1) / 2 : -k / 2;
      if (own - Math.abs(offset) < 1 && own + Math.abs(offset) > lastPage) return undefined;
      alternative.step++;
      const page = own + offset;
      if (page >= 1 && page <= lastPage) return page;
    }
  }
}

/**
 * What the server's count cache is keyed by, near enough: the path and the filter, not the page or the sort.
 * A request whose key is new pays for a whole count; the others only count the rows written since.
 */
function countKey(entry: MatrixEntry): string {
  return entryPath({ ...entry, query: { q: entry.query.q } });
}
