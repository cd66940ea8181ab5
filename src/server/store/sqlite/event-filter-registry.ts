import type { EventFilter, EventFilterField } from "../../../contract/filter-fields";
import type { Condition, SqlValue, TimeRange } from "./event-conditions";
import type { ResolvedEventFilter } from "./resolve-event-filter";
import type { StatementCache } from "./statement-cache";

type Resolving = { statement: StatementCache; filter: EventFilter };

/**
 * How one filter field narrows events. `resolve` turns its values (OR-ed, at least one) into what `events`
 * stores, through the lookup tables where the field names things, or answers `undefined` when no event can
 * match (an unknown name); `conditions` turns its part of the resolved filter into terms on `events e`.
 */
type FieldRule<Value> = {
  resolve: (values: Value[], resolving: Resolving) => Partial<ResolvedEventFilter> | undefined;
  conditions: (resolved: ResolvedEventFilter) => Condition[];
};

/** The resolved filter's keys that hold ids or sort ranks. */
type IdsKey = {
  [K in keyof ResolvedEventFilter]-?: NonNullable<ResolvedEventFilter[K]> extends number[] ? K : never;
}[keyof ResolvedEventFilter];

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/** Columns of `events` that `event_tallies` keeps under the same name. */
const tallied = new Set(["e.type_id", "e.source_id", "e.severity_id", "e.alert", "e.status"]);

function inList(column: string, values: readonly SqlValue[], role: Condition["role"] = "other"): Condition {
  const sql = `${column} IN (${placeholders(values)})`;
  return { sql, params: [...values], role, ...(tallied.has(column) ? { tally: sql } : {}) };
}

function ranges(ranges: readonly TimeRange[]): Condition {
  return {
    sql: `(${ranges.map(() => "e.timestamp BETWEEN ? AND ?").join(" OR ")})`,
    params: ranges.flatMap(({ from, until }) => [from, until]),
    role: "time",
    ranges,
  };
}

const sortedUnique = (values: Iterable<number>) => [...new Set(values)].sort((a, b) => a - b);

/** What `sql` finds for any of the names (bound as `@v`), or undefined when it finds nothing. */
function lookUp(statement: StatementCache, sql: string, names: readonly string[]): number[] | undefined {
  const found = sortedUnique(names.flatMap((v) => statement(sql).pluck().all({ v }) as number[]));
  return found.length > 0 ? found : undefined;
}

/** A field of names that `sql` turns into the ids or ranks of `column`; an unknown name matches nothing. */
function lookedUp(key: IdsKey, sql: string, column: string): FieldRule<string> {
  return {
    resolve: (names, { statement }) => {
      const ids = lookUp(statement, sql, names);
      return ids && { [key]: ids };
    },
    conditions: (resolved) => {
      const ids = resolved[key];
      return ids ? [inList(column, ids)] : [];
    },
  };
}

/**
 * Every field of the contract's `q` grammar, in the order their conditions take in the WHERE clause. Names
 * and addresses match case-insensitively for ASCII (SQLite's lower()), the same rule the description filter
 * applies, so every field folds case alike.
 */
export const eventFilterRegistry: {
  [F in EventFilterField]: FieldRule<NonNullable<EventFilter[F]>[number]>;
} = {
  // The contract gives from and until together, or neither: `from` resolves the pair.
  from: {
    resolve: ([from], { filter }) => {
      const until = filter.until?.[0];
      return from !== undefined && until !== undefined ? { range: { from, until } } : {};
    },
    conditions: ({ range }) => (range ? [ranges([range])] : []),
  },
  until: { resolve: () => ({}), conditions: () => [] },
  timestamp: {
    resolve: (days) => ({ days }),
    conditions: ({ days }) => (days ? [ranges(days)] : []),
  },
  type: {
    resolve: (ids) => ({ typeIds: sortedUnique(ids) }),
    conditions: ({ typeIds }) =>
      typeIds ? [inList("e.type_id", typeIds, typeIds.length === 1 ? "type" : "other")] : [],
  },
  source: {
    resolve: (ids) => ({ sourceIds: sortedUnique(ids) }),
    conditions: ({ sourceIds }) => (sourceIds ? [inList("e.source_id", sourceIds)] : []),
  },
  severity: {
    resolve: (ids) => ({ severityIds: sortedUnique(ids) }),
    conditions: ({ severityIds }) => (severityIds ? [inList("e.severity_id", severityIds)] : []),
  },
  alert: {
    resolve: (alerts) => ({ alerts: sortedUnique(alerts.map(Number)) }),
    conditions: ({ alerts }) => (alerts ? [inList("e.alert", alerts)] : []),
  },
  status: {
    resolve: (statuses) => ({ statuses: [...new Set(statuses)].sort() }),
    conditions: ({ statuses }) =>
      statuses ? [inList("e.status", statuses, statuses.length === 1 ? "status" : "other")] : [],
  },
  // The full-text index narrows the candidates too: see `descriptionMatch`.
  description: {
    resolve: (descriptions) => ({ descriptions: [...new Set(descriptions)] }),
    conditions: ({ descriptions }) =>
      descriptions
        ? [
            {
              sql: `(${descriptions.map(() => "instr(lower(e.description), lower(?)) > 0").join(" OR ")})`,
              params: descriptions,
              role: "other",
            },
          ]
        : [],
  },
  // Narrows the scope's organisations (prepareEventQuery) rather than adding a term.
  organisation: {
    resolve: (names, { statement }) => {
      const organisationIds = lookUp(
        statement,
        "SELECT id AS v FROM organisations WHERE instr(lower(name), lower(@v)) > 0",
        names,
      );
      return organisationIds && { organisationIds };
    },
    conditions: () => [],
  },
  user: lookedUp(
    "userIds",
    "SELECT id AS v FROM users WHERE instr(lower(name), lower(@v)) > 0 OR instr(lower(username), lower(@v)) > 0",
    "e.user_id",
  ),
  endpoint: lookedUp(
    "endpointRanks",
    "SELECT DISTINCT name_rank AS v FROM endpoints WHERE instr(lower(name), lower(@v)) > 0",
    "e.endpoint_rank",
  ),
  tags: lookedUp(
    "tagsRanks",
    "SELECT DISTINCT tags_rank AS v FROM endpoints WHERE instr(lower(tags), lower(@v)) > 0",
    "e.tags_rank",
  ),
  ip_address: lookedUp(
    "ipRanks",
    "SELECT DISTINCT ip_rank AS v FROM endpoints WHERE lower(ip_address) = lower(@v)",
    "e.ip_rank",
  ),
  imei: {
    resolve: (imeis, { statement }) => {
      const rows = imeis.flatMap(
        (v) =>
          statement("SELECT id AS v, name_rank AS r FROM endpoints WHERE imei = @v").all({ v }) as {
            v: number;
            r: number;
          }[],
      );
      if (rows.length === 0) return undefined;
      return {
        imei: {
          endpointIds: sortedUnique(rows.map((row) => row.v)),
          endpointRanks: sortedUnique(rows.map((row) => row.r)),
        },
      };
    },
    conditions: ({ imei }) =>
      imei ? [inList("e.endpoint_rank", imei.endpointRanks), inList("e.endpoint_id", imei.endpointIds)] : [],
  },
  iccid: lookedUp("iccidRanks", "SELECT DISTINCT iccid_rank AS v FROM sims WHERE iccid = @v", "e.iccid_rank"),
  imsi: lookedUp("imsiRanks", "SELECT DISTINCT imsi_rank AS v FROM imsis WHERE imsi = @v", "e.imsi_rank"),
  container: {
    resolve: (ids) => ({ containerIds: [...new Set(ids)].sort() }),
    conditions: ({ containerIds }) =>
      containerIds ? [inList("e.container_id", containerIds, "container")] : [],
  },
  reason: {
    resolve: (reasons) => ({ reasons: [...new Set(reasons)].sort() }),
    conditions: ({ reasons }) => (reasons ? [inList("e.reason", reasons)] : []),
  },
  // Stored with IPv6's hex digits in lower case (logged-event.ts), so the folded value is compared as is.
  client_ip: {
    resolve: (addresses) => ({ clientIps: [...new Set(addresses.map((a) => a.toLowerCase()))].sort() }),
    conditions: ({ clientIps }) => (clientIps ? [inList("e.client_ip", clientIps)] : []),
  },
};
