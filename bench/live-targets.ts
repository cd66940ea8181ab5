import { defaultPerPage } from "../src/contract/list-params";
import { parseQuery } from "../src/contract/query-grammar";
import { perPageOf, type MatrixEntry } from "./matrix";
import type { Check } from "./targets";
import { formatMs } from "./targets";

/**
 * Which of the targets a request falls under: a substring filter (matched with instr() on text), any
 * other list request of 50 rows (structured filters, sorts, pages up to 10,000), or none (per_page 1000).
 */
export type TargetClass = "structured" | "substring" | "none";
export type TargetedClass = Exclude<TargetClass, "none">;

const substringFields = new Set(["description", "organisation", "user", "endpoint", "tags"]);

export function targetClass(entry: MatrixEntry): TargetClass {
  if (perPageOf(entry) !== defaultPerPage) return "none";
  const terms = entry.query.q === undefined ? undefined : parseQuery(entry.query.q);
  const substring = terms?.ok === true && terms.value.some((term) => substringFields.has(term.field));
  return substring ? "substring" : "structured";
}

export type LiveTargets = {
  /** The size the targets were set for: 1M up to a million events, 10M above. */
  scale: "1M" | "10M";
  structuredP99Ms: number;
  substringP99Ms: number;
  loadRps: number;
  loadP99Ms: number;
  postP99Ms: number;
};

/** The targets; at most a million events, the 1M ones, above that the 10M ones. */
export function liveTargets(events: number): LiveTargets {
  const large = events > 1_000_000;
  return {
    scale: large ? "10M" : "1M",
    structuredP99Ms: 50,
    substringP99Ms: large ? 300 : 100,
    loadRps: large ? 500 : 1000,
    loadP99Ms: 100,
    postP99Ms: 20,
  };
}

export function classLimitMs(targets: LiveTargets, kind: TargetClass): number | undefined {
  if (kind === "none") return undefined;
  return kind === "structured" ? targets.structuredP99Ms : targets.substringP99Ms;
}

type Entry = { name: string; targetClass: TargetClass; latency: { n: number; p99: number } };
type Aggregate = { name: string; kind: "facets" | "histogram"; latency: { n: number; p99: number } };
type Load = { rps: number; errors: number; latency: { p99: number }; connections: number };
type Posts = { posts: { n: number; p99: number }; refused: number } | undefined;

/** Whether each entry's p99 is below `limit`, naming the slowest; `pass` is undefined when none was measured. */
function perEntry(
  listed: readonly { name: string; latency: { n: number; p99: number } }[],
  limit: number,
  what: string,
): Check {
  const missing = listed.filter((entry) => !(entry.latency.n > 0 && entry.latency.p99 < limit));
  const worst = listed.reduce<(typeof listed)[number] | undefined>(
    (slowest, entry) => (slowest === undefined || entry.latency.p99 > slowest.latency.p99 ? entry : slowest),
    undefined,
  );
  return {
    what,
    figure:
      `${String(listed.length - missing.length)}/${String(listed.length)} entries meet it` +
      (worst ? `; slowest ${worst.name} ${formatMs(worst.latency.p99)} ms` : ""),
    target: `p99 < ${String(limit)} ms each`,
    pass: listed.length === 0 ? undefined : missing.length === 0,
  };
}

/** Every target next to its figure; `pass` is undefined when nothing was measured. */
export function liveChecks(
  targets: LiveTargets,
  entries: readonly Entry[],
  aggregates: readonly Aggregate[],
  load: Load,
  posts: Posts,
): Check[] {
  const perClass = (kind: TargetedClass, what: string): Check =>
    perEntry(
      entries.filter((entry) => entry.targetClass === kind),
      classLimitMs(targets, kind) ?? NaN,
      what,
    );
  // Every facet and histogram request of the bench has structured filters only.
  const perKind = (kind: Aggregate["kind"], what: string): Check =>
    perEntry(
      aggregates.filter((aggregate) => aggregate.kind === kind),
      targets.structuredP99Ms,
      what,
    );
  const clients = `${String(load.connections)} clients, distinct URLs`;
  return [
    perClass("structured", "structured filters, sorts, pages ≤ 10,000, after a write"),
    perClass("substring", "substring filters, after a write"),
    perKind("facets", "the dashboard's facet requests, structured filters, after a write"),
    perKind("histogram", "the dashboard's histograms, structured filters, after a write"),
    {
      what: `${clients}: throughput`,
      figure: `${Math.round(load.rps).toLocaleString("en-US")} req/s, ${String(load.errors)} errors`,
      target: `≥ ${targets.loadRps.toLocaleString("en-US")} req/s`,
      pass: load.rps >= targets.loadRps && load.errors === 0,
    },
    {
      what: `${clients}: p99`,
      figure: `${formatMs(load.latency.p99)} ms`,
      target: `< ${String(targets.loadP99Ms)} ms`,
      pass: load.latency.p99 < targets.loadP99Ms,
    },
    {
      what: `POST while ${String(load.connections)} clients read: p99`,
      figure: posts
        ? `${formatMs(posts.posts.p99)} ms over ${String(posts.posts.n)} POSTs, ${String(posts.refused)} refused`
        : "—",
      target: `< ${String(targets.postP99Ms)} ms`,
      pass:
        posts === undefined || posts.posts.n === 0
          ? undefined
          : posts.posts.p99 < targets.postP99Ms && posts.refused === 0,
    },
  ];
}
