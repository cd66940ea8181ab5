import type { EventRow } from "./event-row";

/** The sort ranks of a seeded world's names (see the backends' migrations), by id. */
export type WorldRanks = {
  org: ReadonlyMap<number, number>;
  endpoint: ReadonlyMap<number, { name: number; tags: number; ip: number }>;
  sim: ReadonlyMap<number, number>;
  imsi: ReadonlyMap<number, number>;
};

/** The ids a seeded event may name beyond those ranked. */
export type KnownIds = Record<
  "user" | "type" | "source" | "severity" | "container",
  ReadonlySet<number | string>
>;

/** The columns of `events` a seed writes, in the order `seededEventValues` answers them. */
export const seededEventColumns =
  "timestamp, type_id, source_id, severity_id, alert, status, description, organisation_id, user_id, endpoint_id, " +
  "sim_id, imsi_id, container_id, reason, client_ip, org_rank, endpoint_rank, tags_rank, ip_rank, iccid_rank, imsi_rank";

function requireKnown<T>(map: ReadonlyMap<number, T>, id: number | null, what: string): T | null {
  if (id === null) return null;
  const value = map.get(id);
  if (value === undefined) throw new Error(`A seeded event refers to ${what} ${id}, which the world lacks.`);
  return value;
}

/**
 * One seeded event's values for `seededEventColumns`, its ranks looked up. A bulk load runs without foreign
 * keys, so every reference is checked here instead, at a fraction of their cost.
 */
export function seededEventValues(
  e: EventRow,
  ranks: WorldRanks,
  known: KnownIds,
): (string | number | boolean | null)[] {
  const check = (what: keyof KnownIds, id: number | string | null) => {
    if (id !== null && !known[what].has(id))
      throw new Error(`A seeded event refers to ${what} ${id}, which the world lacks.`);
  };
  const orgRank = requireKnown(ranks.org, e.organisationId, "organisation");
  const endpoint = requireKnown(ranks.endpoint, e.endpointId, "endpoint");
  check("user", e.userId);
  check("type", e.typeId);
  check("source", e.sourceId);
  check("severity", e.severityId);
  check("container", e.containerId);
  return [
    e.timestampMs,
    e.typeId,
    e.sourceId,
    e.severityId,
    e.alert,
    e.status,
    e.description,
    e.organisationId,
    e.userId,
    e.endpointId,
    e.simId,
    e.imsiId,
    e.containerId,
    e.reason,
    e.clientIp,
    orgRank,
    endpoint?.name ?? null,
    endpoint?.tags ?? null,
    endpoint?.ip ?? null,
    requireKnown(ranks.sim, e.simId, "SIM"),
    requireKnown(ranks.imsi, e.imsiId, "IMSI"),
  ];
}
