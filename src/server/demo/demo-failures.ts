import type { DemoWorld } from "../store/event-row";
import type { Random } from "./prng";

/**
 * Why a demo container event failed: its `reason` code, the words its description uses, and the addresses
 * such attempts come from, the first far more often than the rest (see `failureAddress`). Addresses are from
 * the documentation ranges (RFC 5737, RFC 3849).
 */
export type Denial = { reason: string; text: string; addresses: readonly [string, ...string[]] };

/** The address behind most wrong passwords: someone guessing, over and over. */
const guesser = "203.0.113.7";
const office = ["198.51.100.10", "198.51.100.11", "2001:db8:ac::20"] as const;

export const wrongPassword: Denial = {
  reason: "wrong_password",
  text: "wrong passphrase",
  addresses: [guesser, ...office],
};

export const deviceNotTrusted: Denial = {
  reason: "device_not_trusted",
  text: "device not trusted",
  addresses: ["192.0.2.140", ...office],
};

/** An access to an open container fails for one of these, drawn by `weight`. */
const accessDenials: readonly (Denial & { weight: number })[] = [
  { ...wrongPassword, weight: 4 },
  // A share link sent out months ago, still being clicked from one place.
  {
    reason: "link_expired",
    text: "share link expired",
    addresses: ["198.51.100.23", "192.0.2.61"],
    weight: 3,
  },
  {
    reason: "not_authorised",
    text: "recipient not on the share list",
    addresses: ["198.51.100.77", ...office],
    weight: 1.5,
  },
  { ...deviceNotTrusted, weight: 1 },
  {
    reason: "geo_blocked",
    text: "access from a blocked country",
    addresses: ["2001:db8:ff::17", "203.0.113.201"],
    weight: 0.5,
  },
];

/** A blocked container someone keeps trying to open. */
export const containerBlocked: Denial = {
  reason: "container_blocked",
  text: "container is blocked",
  addresses: ["192.0.2.33", "198.51.100.23"],
};

const containerExpired: Denial = {
  reason: "container_expired",
  text: "container has expired",
  addresses: ["198.51.100.23", ...office],
};

export const quotaExceeded: Denial = {
  reason: "quota_exceeded",
  text: "storage quota exceeded",
  addresses: office,
};

export const notAuthorised: Denial = {
  reason: "not_authorised",
  text: "insufficient rights",
  addresses: office,
};

/** The expiry job runs on one internal host. */
export const revocationFailed: Denial = {
  reason: "revocation_failed",
  text: "could not revoke 2 device keys",
  addresses: ["10.0.8.15"],
};

const accessWeight = (denial: (typeof accessDenials)[number]) => denial.weight;

/**
 * Why an access to `container` at `timestampMs` failed: its state first, then a drawn cause. The cause is
 * drawn either way, so the draws that follow do not depend on the time (the same run shifted in time is
 * the same events).
 */
export function accessDenial(
  random: Random,
  container: DemoWorld["containers"][number],
  timestampMs: number,
): Denial {
  const drawn = random.weighted(accessDenials, accessWeight);
  if (container.blocked) return containerBlocked;
  if (container.expiresAtMs !== null && container.expiresAtMs <= timestampMs) return containerExpired;
  return drawn;
}

/** Where a failed attempt came from: the denial's first address six times in ten, else any of them. */
export function failureAddress(random: Random, denial: Denial): string {
  return random.chance(0.6) ? denial.addresses[0] : random.pick(denial.addresses);
}
