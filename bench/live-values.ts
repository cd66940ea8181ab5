import { apiBase, apiPaths } from "../src/contract/api-paths";
import { eventListSchema } from "../src/contract/event";
import { orgReach } from "../src/server/auth/org-reach";
import { longestWord, newestDemoEvents, type DataFacts } from "./discover";
import type { HttpClient } from "./http-client";

/**
 * Values that exist in the data for each filter field, the matrix's own value first: the live bench varies a
 * single filter's value from sample to sample, so the server meets a filter it has not counted yet.
 */
export type ValuePools = {
  fields: Partial<Record<string, string[]>>;
  containerIds: string[];
  /** The time of the oldest event of the reach, ms: where a chart of the whole list starts. */
  oldestMs: number;
};

const poolSize = 24;
const dayMs = 24 * 60 * 60 * 1000;

export async function discoverPools(
  client: HttpClient,
  orgId: number,
  facts: DataFacts,
): Promise<ValuePools> {
  const events = `${apiBase}${apiPaths.orgEvents(orgId)}`;
  const { events: sample } = await newestDemoEvents(client, orgId);
  const oldest = eventListSchema.parse((await client.getJson(`${events}?sort=timestamp&per_page=1`)).body)[0];
  const oldestMs = oldest ? Date.parse(oldest.timestamp) : facts.newestMs;
  const days: string[] = [];
  for (let ms = facts.newestMs; ms >= oldestMs && days.length < poolSize; ms -= dayMs) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  const endpoints = sample.flatMap((event) => (event.endpoint ? [event.endpoint] : []));
  const reach = orgReach(facts.organisations, orgId);
  const containerIds = pool(facts.containerId, sample, (event) => event.container?.id);
  return {
    containerIds,
    oldestMs,
    fields: {
      timestamp: days,
      type: pool(facts.typeId, sample, (event) => event.event_type.id),
      source: pool(facts.sourceId, sample, (event) => event.event_source.id),
      severity: pool(facts.severityId, sample, (event) => event.event_severity.id),
      alert: ["true", "false"],
      status: ["FAILURE", "SUCCESS"],
      description: pool(facts.description, sample, (event) => wordOf(event.description)),
      organisation: pool(facts.organisationName, reach, (org) => wordOf(org.name)),
      user: pool(facts.username, sample, (event) => event.user?.username),
      endpoint: pool(facts.endpoint.name, endpoints, (endpoint) => endpoint.name),
      tags: pool(facts.tag, endpoints, (endpoint) => endpoint.tags.split(/[,;\s]+/)[0]),
      ip_address: pool(facts.endpoint.ip_address, endpoints, (endpoint) => endpoint.ip_address),
      imei: pool(facts.endpoint.imei, endpoints, (endpoint) => endpoint.imei),
      iccid: pool(facts.iccid, sample, (event) => event.sim?.iccid),
      imsi: pool(facts.imsi, sample, (event) => event.imsi?.imsi),
      container: containerIds,
    },
  };
}

/** A word of at least four letters, or none: shorter ones would match most descriptions or names. */
function wordOf(text: string): string | undefined {
  const word = longestWord(text);
  return word.length >= 4 ? word : undefined;
}

/** `first`, then the other distinct non-empty values of `items` in the order met, at most `poolSize`. */
function pool<T>(
  first: string | number,
  items: readonly T[],
  pick: (item: T) => string | number | undefined,
): string[] {
  const texts = [first, ...items.map(pick)]
    .filter((value) => value !== undefined && value !== "")
    .map(String);
  return [...new Set(texts)].slice(0, poolSize);
}
