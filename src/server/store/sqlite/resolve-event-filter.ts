import {
  eventFilterFieldNames,
  type EventFilter,
  type EventFilterField,
} from "../../../contract/filter-fields";
import { eventFilterRegistry } from "./event-filter-registry";
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
  reasons?: string[];
  /** In lower case, as stored. */
  clientIps?: string[];
};

/**
 * Resolves each field through its entry in the registry. Answers `undefined` when a field can match no
 * event (an unknown name, or no value at all), so callers answer an empty list without touching `events`.
 */
export function resolveEventFilter(
  statement: StatementCache,
  filter: EventFilter,
): ResolvedEventFilter | undefined {
  const resolved: ResolvedEventFilter = {};
  for (const field of eventFilterFieldNames) {
    const values = filter[field];
    if (values === undefined) continue;
    const part = values.length > 0 ? resolveField(field, values, { statement, filter }) : undefined;
    if (!part) return undefined;
    Object.assign(resolved, part);
  }
  return resolved;
}

/** Generic so that the values and the registry entry are the same field's. */
function resolveField<F extends EventFilterField>(
  field: F,
  values: NonNullable<EventFilter[F]>,
  resolving: { statement: StatementCache; filter: EventFilter },
): Partial<ResolvedEventFilter> | undefined {
  return eventFilterRegistry[field].resolve(values, resolving);
}
