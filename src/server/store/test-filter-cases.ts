import type { Event } from "../../contract/event";
import type { EventFilter } from "../../contract/filter-fields";
import type { DemoWorld } from "./event-row";

export const newestFirst = [{ field: "timestamp" as const, desc: true }];

/** The scopes every filter case is listed in: an organisation's reach and another tenant. */
export const filterScopes = [
  ["org 1 reach", { orgIds: [1, 2, 3] }],
  ["org 4", { orgIds: [4] }],
] as const;

/** Cases that must match nothing; every other case matches some events of the demo data. */
export const meantEmpty = [
  "type unknown id",
  "description whose trigrams all occur apart",
  "description, nothing",
  "imei unknown",
  "container unknown",
  "reason unknown",
  "AND across fields, nothing",
];

/**
 * A filter for each way a field can match, its values taken from the seeded demo data (`events` newest
 * first), so the store's tests and the SQLite plan tests check the same cases.
 */
export function eventFilterCases(events: Event[], world: DemoWorld): [string, EventFilter][] {
  const find = (predicate: (e: Event) => boolean) => {
    const found = events.find(predicate);
    if (!found) throw new Error("the demo data lacks an event the test needs");
    return found;
  };
  const withEndpoint = find((e) => e.endpoint !== null && e.organisation.id === 2);
  const ipv6 = find((e) => e.endpoint?.ip_address.includes(":") === true);
  const nat = world.endpoints.find((e) => e.name === "truck-002")?.ipAddress ?? "";
  const someone = find((e) => e.user?.username.startsWith("mia.") === true);
  const failed = find((e) => e.reason !== null && e.organisation.id === 2);
  const fromIpv6 = find((e) => e.client_ip?.includes(":") === true);
  const middle = events[Math.floor(events.length / 2)] as Event;
  const later = events[Math.floor(events.length / 3)] as Event;
  const latest = events[5] as Event;
  const day = (iso: string) => {
    const start = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
    return { from: start, until: start + 86_400_000 - 1 };
  };

  return [
    ["type", { type: [6] }],
    ["type OR type", { type: [6, 100] }],
    ["type unknown id", { type: [4] }],
    ["source", { source: [1] }],
    ["severity OR", { severity: [1, 2] }],
    ["alert true", { alert: [true] }],
    ["alert false", { alert: [false] }],
    ["status", { status: ["FAILURE"] }],
    ["description", { description: ["denied"] }],
    ["description, other case", { description: ["LOGIN"] }],
    ["description with spaces", { description: ["login denied for"] }],
    ["description whose trigrams all occur apart", { description: ["login for"] }],
    ["description shorter than a trigram", { description: ["tr"] }],
    ["description OR", { description: ["quota", "passphrase"] }],
    ["description, nothing", { description: ["xyzzy"] }],
    ["organisation", { organisation: ["retail"] }],
    ["organisation, several", { organisation: ["ACME"] }],
    ["user by username", { user: [someone.user?.username.slice(0, 8) ?? ""] }],
    ["user by name", { user: ["keller"] }],
    ["user OR", { user: ["keller", "noah"] }],
    ["endpoint", { endpoint: [withEndpoint.endpoint?.name ?? ""] }],
    ["endpoint substring", { endpoint: ["TRUCK-00"] }],
    ["tags", { tags: ["hamburg"] }],
    ["ip_address", { ip_address: [withEndpoint.endpoint?.ip_address ?? ""] }],
    ["ip_address shared by two endpoints", { ip_address: [nat] }],
    ["ip_address IPv6 in capitals", { ip_address: [ipv6.endpoint?.ip_address.toUpperCase() ?? ""] }],
    ["imei", { imei: [withEndpoint.endpoint?.imei ?? ""] }],
    ["imei unknown", { imei: ["123456789012345"] }],
    ["iccid", { iccid: [withEndpoint.sim?.iccid ?? ""] }],
    ["imsi", { imsi: [withEndpoint.imsi?.imsi ?? ""] }],
    ["container", { container: ["c-0002"] }],
    ["container unknown", { container: ["c-9999"] }],
    ["reason", { reason: [failed.reason ?? ""] }],
    ["reason OR", { reason: ["wrong_password", "link_expired"] }],
    ["reason unknown", { reason: ["no_such_reason"] }],
    ["client_ip", { client_ip: [failed.client_ip ?? ""] }],
    ["client_ip IPv6 in capitals", { client_ip: [fromIpv6.client_ip?.toUpperCase() ?? ""] }],
    [
      "client_ip with reason and a time range",
      {
        client_ip: [failed.client_ip ?? ""],
        reason: [failed.reason ?? ""],
        from: [Date.parse(middle.timestamp)],
        until: [Date.parse(latest.timestamp)],
      },
    ],
    ["timestamp day", { timestamp: [day(middle.timestamp)] }],
    ["timestamp two days", { timestamp: [day(middle.timestamp), day(later.timestamp)] }],
    [
      "from/until inclusive at both ends",
      { from: [Date.parse(middle.timestamp)], until: [Date.parse(later.timestamp)] },
    ],
    // Counted from day tallies for the days covered whole, on the events for the partial ends.
    [
      "from/until over weeks, partial days at both ends, with severity",
      { from: [Date.parse(middle.timestamp)], until: [Date.parse(latest.timestamp)], severity: [1, 2] },
    ],
    [
      "from/until of whole days, midnight to the last millisecond, with status",
      { from: [day(middle.timestamp).from], until: [day(later.timestamp).until], status: ["FAILURE"] },
    ],
    ["timestamp days with type", { timestamp: [day(middle.timestamp), day(later.timestamp)], type: [6] }],
    ["timestamp day given twice", { timestamp: [day(middle.timestamp), day(middle.timestamp)] }],
    [
      "from/until with a user (no tally)",
      { from: [Date.parse(middle.timestamp)], until: [Date.parse(later.timestamp)], user: ["keller"] },
    ],
    ["AND across fields", { severity: [1], description: ["denied"], organisation: ["logistics"] }],
    ["AND across fields, nothing", { type: [6], container: ["c-0002"] }],
  ];
}
