import { containerEventTypeIds, containerEventTypes } from "../../contract/catalogue";
import type { DemoWorld } from "../store/event-row";
import { demoOrganisations } from "./demo-organisations";
import { seededRandom, type Random } from "./prng";

const dayMs = 24 * 60 * 60 * 1000;

/** Not an scrypt hash, so no password verifies against it: only the three documented users can sign in. */
export const noLoginHash = "!no-login";

const demoEventTypes: readonly { id: number; description: string }[] = [
  { id: 0, description: "Generic" },
  { id: 1, description: "Update location" },
  { id: 2, description: "Update GPRS location" },
  { id: 3, description: "Create PDP Context" },
  { id: 5, description: "Delete PDP Context" },
  { id: 6, description: "User authentication failed" },
  { id: 7, description: "Application authentication failed" },
  { id: 8, description: "SIM activation" },
  { id: 9, description: "SIM suspension" },
  { id: 11, description: "Endpoint blocked" },
  { id: 12, description: "Organisation blocked" },
  { id: 14, description: "Multi-factor Authentication" },
  { id: 18, description: "Data quota threshold reached" },
  { id: 19, description: "Data quota used up" },
  { id: 31, description: "Organisation updated" },
  { id: 42, description: "Endpoint enabled" },
  { id: 43, description: "Endpoint disabled" },
  { id: 51, description: "SIM Assigned" },
  ...containerEventTypes.map((name) => ({ id: containerEventTypeIds[name], description: name })),
];

/** Appends the Luhn check digit, as IMEIs and ICCIDs carry one. */
function withLuhn(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

const digits = (random: Random, length: number) =>
  Array.from({ length }, () => String(random.int(0, 10))).join("");

function ipAddress(random: Random, orgId: number, index: number): string {
  // About one endpoint in seven speaks IPv6 (documentation prefix, canonical lower-case form).
  if (index % 7 === 3)
    return `2001:db8:${orgId}:${(0x10 + index).toString(16)}::${random.int(1, 0xfff).toString(16)}`;
  return `10.${orgId * 10 + (index % 8)}.${Math.floor(index / 8) + 1}.${random.int(2, 254)}`;
}

/**
 * The demo world of CONTRACT.md: four organisations (Acme Group over Acme Logistics and Acme Retail, and the
 * unrelated Globex), three documented logins (`passwordHash`) plus users who only appear in events, ~150
 * endpoints with SIMs and IMSIs, and five or six containers per organisation, some blocked, some expired.
 * Dates are relative to `nowMs`; everything else is fixed.
 */
export function demoWorld(passwordHash: string, nowMs: number): DemoWorld {
  const random = seededRandom(0x5eed_0001);
  const world: DemoWorld = {
    organisations: demoOrganisations.map(({ id, name, parentId }) => ({ id, name, parentId })),
    users: [],
    eventTypes: [...demoEventTypes],
    endpoints: [],
    sims: [],
    imsis: [],
    containers: [],
  };
  // The three documented logins take ids 1-3; the other users follow.
  const users = demoOrganisations.flatMap((org) =>
    org.users.map((user) => ({ ...user, organisationId: org.id })),
  );
  for (const user of [...users.filter((u) => u.login), ...users.filter((u) => !u.login)]) {
    world.users.push({
      id: world.users.length + 1,
      username: user.username,
      name: user.name,
      role: user.role,
      organisationId: user.organisationId,
      passwordHash: user.login ? passwordHash : noLoginHash,
    });
  }
  for (const org of demoOrganisations) {
    let index = 0;
    for (const group of org.fleet) {
      for (let n = 1; n <= group.count; n++, index++) {
        const id = world.endpoints.length + 1;
        const width = group.count > 9 ? 3 : 2;
        world.endpoints.push({
          id,
          organisationId: org.id,
          name: `${group.stem}-${String(n).padStart(width, "0")}`,
          tags: group.tags[n % group.tags.length] as string,
          ipAddress: ipAddress(random, org.id, index),
          imei: withLuhn(`${group.tac}${digits(random, 6)}`),
        });
        const iccidBody = `${org.iccidPrefix}${digits(random, 13 - (id % 2))}`;
        world.sims.push({ id, organisationId: org.id, iccid: withLuhn(iccidBody) });
        world.imsis.push({
          id,
          organisationId: org.id,
          imsi: `${org.imsiPrefix}${digits(random, 15 - org.imsiPrefix.length)}`,
        });
      }
    }
    for (const container of org.containers) {
      const created = container.recent
        ? nowMs - random.int(20, 60) * dayMs
        : nowMs - random.int(120, 400) * dayMs;
      const expires = container.noExpiry
        ? null
        : container.expired
          ? nowMs - random.int(3, 16) * dayMs
          : nowMs + random.int(30, 365) * dayMs;
      world.containers.push({
        id: `c-${String(world.containers.length + 1).padStart(4, "0")}`,
        organisationId: org.id,
        name: container.name,
        createdAtMs: Math.floor(created / 1000) * 1000,
        expiresAtMs: expires === null ? null : Math.floor(expires / 1000) * 1000,
        blocked: container.blocked ?? false,
      });
    }
  }
  // Two trucks share a NAT address, as trucks behind one mobile router do.
  const [first, second] = world.endpoints.filter((e) => e.name === "truck-001" || e.name === "truck-002");
  if (first && second) second.ipAddress = first.ipAddress;
  return world;
}
