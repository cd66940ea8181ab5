import { apiBase, apiPaths, listHeaders } from "../src/contract/api-paths";
import { eventListSchema, type Event } from "../src/contract/event";
import { meSchema, type Organisation } from "../src/contract/organisation";
import type { HttpClient } from "./http-client";

/** Values that exist in the seeded data, looked up through the API so every filter in the matrix matches rows. */
export type DataFacts = {
  organisations: Organisation[];
  total: number;
  newestMs: number;
  typeId: number;
  /** A severity that events of `typeId` have, for a type + severity combination that matches rows. */
  typeSeverityId: number;
  sourceId: number;
  severityId: number;
  description: string;
  /** A word from a failed container event's description, for a status + description combination. */
  failureWord: string;
  organisationName: string;
  username: string;
  endpoint: NonNullable<Event["endpoint"]>;
  tag: string;
  iccid: string;
  imsi: string;
  containerId: string;
};

const sampleSize = 1000;

/**
 * Events the bench itself logged through the API (`measure-ingest.ts`, `live-writer.ts`): on a reused store
 * (`--db`) they are the newest, and they have no user, endpoint, SIM or IMSI.
 */
const benchWritten = /^(bench ingest|live bench write) \d+$/;

/**
 * The newest page of up to 1,000 events of `path` that, without the bench's own, has what `enough` asks: page
 * 1 on a fresh store; on a reused one, pages 2, 4, 8… until the bench's writes are behind. The total is the
 * list's `x-total-count`.
 */
export async function demoSample(
  client: HttpClient,
  path: string,
  enough: (events: Event[]) => boolean,
): Promise<{ events: Event[]; total: number }> {
  for (let page = 1; ; page *= 2) {
    const answer = await client.getJson(`${path}?per_page=${sampleSize}&page=${page}`);
    const all = eventListSchema.parse(answer.body);
    const events = all.filter((event) => !benchWritten.test(event.description));
    if (all.length === 0 || enough(events)) {
      return { events, total: Number(answer.headers[listHeaders.total]) };
    }
  }
}

const hasLookups = (events: Event[]) =>
  events.some((event) => event.user !== null) &&
  events.some((event) => event.endpoint !== null && event.sim !== null) &&
  events.some((event) => event.imsi !== null);

/** The newest demo events of an organisation: the values the matrix filters on are taken from them. */
export function newestDemoEvents(client: HttpClient, orgId: number) {
  return demoSample(client, `${apiBase}${apiPaths.orgEvents(orgId)}`, hasLookups);
}

export async function discoverFacts(client: HttpClient, orgId: number): Promise<DataFacts> {
  const me = meSchema.parse((await client.getJson(`${apiBase}${apiPaths.me}`)).body);
  const { events: sample, total } = await newestDemoEvents(client, orgId);
  const { events: failures } = await demoSample(
    client,
    `${apiBase}${apiPaths.containerEvents(orgId, "by_fail")}`,
    (events) => events.some((event) => event.container !== null),
  );
  const first = sample[0];
  const withUser = sample.find((event) => event.user !== null);
  const withEndpoint = sample.find((event) => event.endpoint !== null && event.sim !== null);
  const withImsi = sample.find((event) => event.imsi !== null);
  const child = me.organisations.find((org) => org.parent_id === orgId) ?? me.organisations[0];
  if (
    !first ||
    !withUser?.user ||
    !withEndpoint?.endpoint ||
    !withEndpoint.sim ||
    !withImsi?.imsi ||
    !child
  ) {
    throw new Error(
      `Organisation ${orgId}'s events (besides the bench's own) lack a user, endpoint, SIM or IMSI.`,
    );
  }
  const containerId = mostFrequent(failures.map((event) => event.container?.id).filter(isDefined));
  if (containerId === undefined) throw new Error(`Organisation ${orgId} has no failed container events.`);
  const platformTypes = sample.map((event) => event.event_type.id).filter((id) => id < 100);
  const typeId = mostFrequent(platformTypes) ?? first.event_type.id;
  const ofType = sample.filter((event) => event.event_type.id === typeId);
  return {
    organisations: me.organisations,
    total,
    newestMs: Date.parse(first.timestamp),
    typeId,
    typeSeverityId: leastFrequent(ofType.map((event) => event.event_severity.id)) ?? first.event_severity.id,
    sourceId: mostFrequent(sample.map((event) => event.event_source.id)) ?? first.event_source.id,
    severityId: leastFrequent(sample.map((event) => event.event_severity.id)) ?? first.event_severity.id,
    description: longestWord(first.description),
    failureWord: longestWord(failures[0]?.description ?? first.description),
    organisationName: longestWord(child.name),
    username: withUser.user.username,
    endpoint: withEndpoint.endpoint,
    tag: withEndpoint.endpoint.tags.split(/[,;\s]+/).find((tag) => tag !== "") ?? withEndpoint.endpoint.tags,
    iccid: withEndpoint.sim.iccid,
    imsi: withImsi.imsi.imsi,
    containerId,
  };
}

function mostFrequent<T>(values: readonly T[]): T | undefined {
  return byFrequency(values).at(-1);
}

/** The rarest value present: the severity an investigation filters on. */
function leastFrequent<T>(values: readonly T[]): T | undefined {
  return byFrequency(values)[0];
}

function byFrequency<T>(values: readonly T[]): T[] {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => a[1] - b[1]).map(([value]) => value);
}

/** A word of a text, for a substring filter that real users would type. */
export function longestWord(text: string): string {
  return text.split(/[^A-Za-z0-9]+/).reduce((best, word) => (word.length > best.length ? word : best), "");
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
