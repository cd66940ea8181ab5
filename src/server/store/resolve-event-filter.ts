import type { EventFilter } from "../../contract/filter-fields";
import type { StatementCache } from "./statement-cache";

type Range = { from: number; until: number };

/** A filter with every name turned into the ids or sort ranks that `events` stores (see migrations.ts). */
export type ResolvedEventFilter = {
  range?: Range;
  days?: Range[];
  typeIds?: number[];
  sourceIds?: number[];
  severityIds?: number[];
  alerts?: number[];
  statuses?: string[];
  descriptions?: string[];
  organisationIds?: number[];
  userIds?: number[];
  endpointRanks?: number[];
  tagsRanks?: number[];
  ipRanks?: number[];
  imei?: { endpointIds: number[]; endpointRanks: number[] };
  iccidRanks?: number[];
  imsiRanks?: number[];
  containerIds?: string[];
};

// Substring matches are case-insensitive for ASCII (SQLite's lower()), the same rule the description
// filter applies, so every field folds case alike.
const lookups = {
  organisation: "SELECT id AS v FROM organisations WHERE instr(lower(name), lower(@v)) > 0",
  user: "SELECT id AS v FROM users WHERE instr(lower(name), lower(@v)) > 0 OR instr(lower(username), lower(@v)) > 0",
  endpoint: "SELECT DISTINCT name_rank AS v FROM endpoints WHERE instr(lower(name), lower(@v)) > 0",
  tags: "SELECT DISTINCT tags_rank AS v FROM endpoints WHERE instr(lower(tags), lower(@v)) > 0",
  ip: "SELECT DISTINCT ip_rank AS v FROM endpoints WHERE lower(ip_address) = lower(@v)",
  imei: "SELECT id AS v, name_rank AS r FROM endpoints WHERE imei = @v",
  iccid: "SELECT DISTINCT iccid_rank AS v FROM sims WHERE iccid = @v",
  imsi: "SELECT DISTINCT imsi_rank AS v FROM imsis WHERE imsi = @v",
} as const;

const sortedUnique = (values: Iterable<number>) => [...new Set(values)].sort((a, b) => a - b);

/**
 * Resolves names against the lookup tables. Answers `undefined` when a field can match no event (an
 * unknown name or id), so callers answer an empty list without touching `events`.
 */
export function resolveEventFilter(
  statement: StatementCache,
  filter: EventFilter,
): ResolvedEventFilter | undefined {
  const lookup = (sql: string, values: readonly string[] | undefined) => {
    if (!values) return undefined;
    const found = values.flatMap((value) => statement(sql).pluck().all({ v: value }) as number[]);
    return sortedUnique(found);
  };
  const resolved: ResolvedEventFilter = {};
  if (filter.from?.[0] !== undefined && filter.until?.[0] !== undefined) {
    resolved.range = { from: filter.from[0], until: filter.until[0] };
  }
  if (filter.timestamp) resolved.days = filter.timestamp;
  if (filter.type) resolved.typeIds = sortedUnique(filter.type);
  if (filter.source) resolved.sourceIds = sortedUnique(filter.source);
  if (filter.severity) resolved.severityIds = sortedUnique(filter.severity);
  if (filter.alert) resolved.alerts = sortedUnique(filter.alert.map(Number));
  if (filter.status) resolved.statuses = [...new Set(filter.status)].sort();
  if (filter.description) resolved.descriptions = [...new Set(filter.description)];
  if (filter.container) resolved.containerIds = [...new Set(filter.container)].sort();
  resolved.organisationIds = lookup(lookups.organisation, filter.organisation);
  resolved.userIds = lookup(lookups.user, filter.user);
  resolved.endpointRanks = lookup(lookups.endpoint, filter.endpoint);
  resolved.tagsRanks = lookup(lookups.tags, filter.tags);
  resolved.ipRanks = lookup(lookups.ip, filter.ip_address);
  resolved.iccidRanks = lookup(lookups.iccid, filter.iccid);
  resolved.imsiRanks = lookup(lookups.imsi, filter.imsi);
  if (filter.imei) {
    const rows = filter.imei.flatMap(
      (imei) => statement(lookups.imei).all({ v: imei }) as { v: number; r: number }[],
    );
    resolved.imei = {
      endpointIds: sortedUnique(rows.map((row) => row.v)),
      endpointRanks: sortedUnique(rows.map((row) => row.r)),
    };
    if (rows.length === 0) return undefined;
  }
  for (const value of Object.values(resolved)) {
    if (Array.isArray(value) && value.length === 0) return undefined;
  }
  return dropUndefined(resolved);
}

function dropUndefined(filter: ResolvedEventFilter): ResolvedEventFilter {
  return Object.fromEntries(
    Object.entries(filter as Record<string, unknown>).filter(([, value]) => value !== undefined),
  );
}
