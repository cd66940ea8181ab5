import { severityIds, sourceIds } from "../../contract/catalogue";
import type { DemoWorld, EventRow } from "../store/event-row";
import { accessFailure, eventKinds, type EventKind } from "./demo-event-kinds";
import { containerBlocked, deviceNotTrusted, failureAddress, wrongPassword } from "./demo-failures";
import { seededRandom, type Random } from "./prng";

const hourMs = 60 * 60 * 1000;
const spanHours = 90 * 24;

/** Share of the events per organisation id; organisations not listed get the smallest share. */
const orgShares: Record<number, number> = { 1: 0.1, 2: 0.4, 3: 0.25, 4: 0.25 };

type OrgPool = {
  id: number;
  name: string;
  share: number;
  endpoints: DemoWorld["endpoints"];
  users: DemoWorld["users"];
  containers: DemoWorld["containers"];
  /** The few containers that draw most failed access attempts. */
  hot: DemoWorld["containers"];
};

type Burst = {
  hour: number;
  org: OrgPool;
  container: OrgPool["containers"][number];
  userId: number | null;
  ip: string;
};

/** The few addresses brute-force bursts come from. */
const burstAddresses = ["203.0.113.7", "203.0.113.99", "2001:db8:bad::5"];

/** A burst is mostly wrong passwords; now and then a new device trips the trust check first. */
const burstDenials = [wrongPassword, wrongPassword, wrongPassword, deviceNotTrusted];

/** Office hours (weekdays 08–18 UTC) carry four times the traffic of a weekday night; weekends are quieter. */
function hourWeight(startMs: number): number {
  const mid = new Date(startMs + hourMs / 2);
  const weekend = mid.getUTCDay() === 0 || mid.getUTCDay() === 6;
  const office = mid.getUTCHours() >= 8 && mid.getUTCHours() < 18;
  return weekend ? (office ? 1.2 : 0.6) : office ? 4 : 1;
}

function pools(world: DemoWorld): OrgPool[] {
  return world.organisations.map((org) => {
    const containers = world.containers.filter((c) => c.organisationId === org.id);
    return {
      id: org.id,
      name: org.name,
      share: orgShares[org.id] ?? 0.1,
      endpoints: world.endpoints.filter((e) => e.organisationId === org.id),
      users: world.users.filter((u) => u.organisationId === org.id),
      containers,
      hot: containers.slice(0, 2),
    };
  });
}

/** About fourteen hours of brute force on one container each, at fixed hours whatever the count. */
function bursts(orgs: readonly OrgPool[]): Burst[] {
  const random = seededRandom(0xb0_05_77);
  const candidates = orgs.filter((org) => org.hot.length > 0);
  const found: Burst[] = [];
  for (let i = 0; i < 14 && candidates.length > 0; i++) {
    const org = candidates[i % candidates.length] as OrgPool;
    found.push({
      hour: random.int(0, spanHours),
      org,
      container: random.pick(org.hot),
      userId: random.chance(0.5) ? random.pick(org.users).id : null,
      ip: random.pick(burstAddresses),
    });
  }
  return found;
}

/**
 * Event positions that carry one combination each that every organisation must show: every source with
 * every severity, and every container event type with both statuses. Spread evenly over the run.
 */
function coverageSlots(
  orgs: readonly OrgPool[],
  count: number,
): Map<number, { org: OrgPool; kind: EventKind }> {
  const wanted: { org: OrgPool; kind: EventKind }[] = [];
  for (const org of orgs) {
    for (const source of Object.values(sourceIds)) {
      for (const severity of Object.values(severityIds)) {
        const kind = eventKinds.find((k) => k.sourceId === source && k.severityId === severity && !k.status);
        if (kind) wanted.push({ org, kind });
      }
    }
    for (const kind of eventKinds.filter((k) => k.status)) wanted.push({ org, kind });
  }
  const slots = new Map<number, { org: OrgPool; kind: EventKind }>();
  if (count < wanted.length) return slots;
  wanted.forEach((slot, k) => slots.set(Math.floor(((k + 0.5) * count) / wanted.length), slot));
  return slots;
}

/** How many events fall in each hour: proportional to its weight, rounded so they add up to `count`. */
function hourlyCounts(startMs: number, count: number, burstHours: ReadonlySet<number>): number[] {
  const weights = Array.from(
    { length: spanHours },
    (_, h) => hourWeight(startMs + h * hourMs) * (burstHours.has(h) ? 2 : 1),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let assigned = 0;
  return weights.map((weight) => {
    cumulative += weight;
    const upTo = Math.round((count * cumulative) / total);
    const here = upTo - assigned;
    assigned = upTo;
    return here;
  });
}

function makeEvent(
  random: Random,
  org: OrgPool,
  kind: EventKind,
  timestampMs: number,
  world: { simIds: ReadonlySet<number>; imsiIds: ReadonlySet<number> },
): EventRow {
  const endpoint = random.weighted(org.endpoints, (e) => 1 / (1 + (e.id % 10)));
  const user = random.pick(org.users);
  const hotFailure = kind === accessFailure && random.chance(0.7);
  const container = hotFailure && org.hot.length > 0 ? random.pick(org.hot) : random.pick(org.containers);
  const withEndpoint = kind.involves === "endpoint" || kind.involves === "endpoint+user";
  const withUser =
    kind.involves === "user" ||
    kind.involves === "endpoint+user" ||
    (kind.involves === "container" && !random.chance(kind.anonymous ?? 0));
  const critical = kind.severityId === severityIds.critical;
  const denial = kind.denial?.(random, container, timestampMs) ?? null;
  const clientIp = denial && failureAddress(random, denial);
  return {
    timestampMs,
    typeId: kind.typeId,
    sourceId: kind.sourceId,
    severityId: kind.severityId,
    alert: critical || (kind.severityId === severityIds.warn && random.chance(0.05)),
    status: kind.status ?? null,
    description: kind.describe({
      random,
      organisation: org.name,
      endpoint,
      user,
      container,
      denial,
      clientIp,
    }),
    organisationId: org.id,
    userId: withUser ? user.id : null,
    endpointId: withEndpoint ? endpoint.id : null,
    simId: withEndpoint && world.simIds.has(endpoint.id) ? endpoint.id : null,
    imsiId: withEndpoint && world.imsiIds.has(endpoint.id) ? endpoint.id : null,
    containerId: kind.involves === "container" ? container.id : null,
    reason: denial?.reason ?? null,
    clientIp,
  };
}

function burstFailure(random: Random, burst: Burst, sequence: number, timestampMs: number): EventRow {
  const { container } = burst;
  // Every eighth failure of a burst trips the brute-force alarm.
  const alarm = sequence % 8 === 7;
  const denial = container.blocked ? containerBlocked : alarm ? wrongPassword : random.pick(burstDenials);
  const detail = alarm
    ? `access denied, ${sequence + 1} failed attempts from ${burst.ip}, container flagged`
    : `access denied, ${denial.text} from ${burst.ip}`;
  return {
    timestampMs,
    typeId: accessFailure.typeId,
    sourceId: accessFailure.sourceId,
    severityId: alarm ? severityIds.critical : severityIds.warn,
    alert: alarm,
    status: "FAILURE",
    description: `ACCESS FAILURE on container ${container.name} (${container.id}): ${detail}`,
    organisationId: burst.org.id,
    userId: burst.userId,
    endpointId: null,
    simId: null,
    imsiId: null,
    containerId: container.id,
    reason: denial.reason,
    clientIp: burst.ip,
  };
}

function* generate(world: DemoWorld, count: number, nowMs: number): Generator<EventRow> {
  const orgs = pools(world).filter(
    (org) => org.endpoints.length > 0 && org.users.length > 0 && org.containers.length > 0,
  );
  if (orgs.length === 0 || count <= 0) return;
  const random = seededRandom(0xe7e7_0001);
  const endMs = Math.floor(nowMs / 1000) * 1000;
  const startMs = endMs - spanHours * hourMs;
  const burstList = bursts(orgs);
  const burstByHour = new Map(burstList.map((burst) => [burst.hour, burst]));
  const slots = coverageSlots(orgs, count);
  const lookups = {
    simIds: new Set(world.sims.map((s) => s.id)),
    imsiIds: new Set(world.imsis.map((i) => i.id)),
  };
  const perHour = hourlyCounts(startMs, count, new Set(burstByHour.keys()));
  let index = 0;
  for (let hour = 0; hour < spanHours; hour++) {
    const inHour = perHour[hour] ?? 0;
    const seconds = Array.from({ length: inHour }, () => random.int(0, 3600)).sort((a, b) => a - b);
    const burst = burstByHour.get(hour);
    let burstSequence = 0;
    for (const second of seconds) {
      const timestampMs = startMs + hour * hourMs + second * 1000;
      const slot = slots.get(index);
      if (slot) {
        yield makeEvent(random, slot.org, slot.kind, timestampMs, lookups);
      } else if (burst && random.chance(0.6)) {
        yield burstFailure(random, burst, burstSequence++, timestampMs);
      } else {
        const org = random.weighted(orgs, (o) => o.share);
        yield makeEvent(
          random,
          org,
          random.weighted(eventKinds, (k) => k.weight),
          timestampMs,
          lookups,
        );
      }
      index++;
    }
  }
}

/**
 * `count` demo events over the 90 days before `nowMs`, oldest first (so ids grow with time), the same events
 * for the same world, count and `nowMs`. Weekday office hours are busiest; about fourteen bursts of failed
 * ACCESS hit a few containers; every organisation gets every source and severity and every container event
 * type with both statuses (once `count` is at least 17 per organisation).
 */
export function demoEvents(world: DemoWorld, count: number, nowMs: number): Iterable<EventRow> {
  return { [Symbol.iterator]: () => generate(world, count, nowMs) };
}
