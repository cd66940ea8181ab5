import { severityIds, sourceIds } from "../../contract/catalogue";
import type { EventKind } from "./demo-event-kinds";
import type { Random } from "./prng";

const cities = [
  "Hamburg",
  "Berlin",
  "Munich",
  "Cologne",
  "Rotterdam",
  "Copenhagen",
  "Springfield",
  "Shelbyville",
];
const apns = ["iot.acme", "fleet.m2m", "internet.telekom", "scada.globex", "pos.secure"];
const pdpCauses = ["missing or unknown APN", "user authentication failed", "service option not subscribed"];
const countries = ["Switzerland", "Norway", "Turkey", "United Kingdom", "Serbia"];
const quotas = [500, 1024, 2048, 5120];
const tariffs = ["IoT Basic 500", "Fleet Pro 5G", "Sensor Lite", "POS Secure"];
const suspensions = ["unpaid invoice", "suspected SIM swap", "requested by customer"];
export const blockReasons = ["IMEI change detected", "traffic to a blocked destination", "quota abuse"];
const clients = ["fleet-sync", "erp-connector", "billing-export", "grafana-agent"];
const mfaMethods = ["TOTP", "WebAuthn key", "SMS code"];
const settings = [
  "the notification e-mail",
  "the data retention period",
  "the SSO settings",
  "the IP allow-list",
];
const apiActions = [
  "created an API token",
  "exported the monthly usage report",
  "downloaded the SIM inventory",
  "changed the dashboard layout",
];
const clientIps = ["203.0.113.7", "198.51.100.23", "192.0.2.140", "203.0.113.88", "2001:db8:ff::17"];

const pct = (random: Random) => random.pick([80, 85, 90, 95]);

/** Events of the platform itself: network, policy control and API (everything but containers). */
export const platformKinds: readonly EventKind[] = [
  // Network
  {
    typeId: 1,
    sourceId: sourceIds.network,
    severityId: severityIds.info,
    weight: 14,
    involves: "endpoint",
    describe: ({ random, endpoint }) =>
      `Update location: ${endpoint.name} registered on cell 262-${random.int(1000, 9999)}-${random.int(10, 99)} in ${random.pick(cities)}`,
  },
  {
    typeId: 2,
    sourceId: sourceIds.network,
    severityId: severityIds.info,
    weight: 10,
    involves: "endpoint",
    describe: ({ random, endpoint }) =>
      `Update GPRS location: ${endpoint.name} attached to SGSN sgsn-${random.int(1, 12)} in ${random.pick(cities)}`,
  },
  {
    typeId: 3,
    sourceId: sourceIds.network,
    severityId: severityIds.info,
    weight: 9,
    involves: "endpoint",
    describe: ({ random, endpoint }) =>
      `Create PDP context: ${endpoint.name} opened a data session on APN ${random.pick(apns)}`,
  },
  {
    typeId: 5,
    sourceId: sourceIds.network,
    severityId: severityIds.info,
    weight: 8,
    involves: "endpoint",
    describe: ({ random, endpoint }) =>
      `Delete PDP context: ${endpoint.name} closed its data session after ${random.int(1, 240)} min, ${random.int(1, 900)} MB`,
  },
  {
    typeId: 3,
    sourceId: sourceIds.network,
    severityId: severityIds.warn,
    weight: 1.5,
    involves: "endpoint",
    describe: ({ random, endpoint }) =>
      `Create PDP context rejected: APN ${random.pick(apns)} denied for ${endpoint.name} (${random.pick(pdpCauses)})`,
  },
  {
    typeId: 1,
    sourceId: sourceIds.network,
    severityId: severityIds.warn,
    weight: 0.8,
    involves: "endpoint",
    describe: ({ random, endpoint }) =>
      `Update location rejected: roaming denied for ${endpoint.name} in ${random.pick(countries)}`,
  },
  {
    typeId: 0,
    sourceId: sourceIds.network,
    severityId: severityIds.critical,
    weight: 0.3,
    involves: "endpoint",
    describe: ({ random, endpoint }) =>
      `Connectivity lost: ${endpoint.name} has had no signal for ${random.int(15, 180)} min`,
  },
  // Policy control
  {
    typeId: 18,
    sourceId: sourceIds.policyControl,
    severityId: severityIds.warn,
    weight: 3.5,
    involves: "endpoint",
    describe: ({ random, endpoint }) =>
      `Data quota threshold reached: ${endpoint.name} used ${pct(random)}% of its ${random.pick(quotas)} MB monthly quota`,
  },
  {
    typeId: 19,
    sourceId: sourceIds.policyControl,
    severityId: severityIds.critical,
    weight: 0.8,
    involves: "endpoint",
    describe: ({ random, endpoint }) =>
      `Data quota used up: ${endpoint.name} hit its ${random.pick(quotas)} MB quota, data throttled to 64 kbit/s`,
  },
  {
    typeId: 8,
    sourceId: sourceIds.policyControl,
    severityId: severityIds.info,
    weight: 1.5,
    involves: "endpoint",
    describe: ({ random, endpoint }) =>
      `SIM activation: the SIM of ${endpoint.name} is active on tariff ${random.pick(tariffs)}`,
  },
  {
    typeId: 9,
    sourceId: sourceIds.policyControl,
    severityId: severityIds.warn,
    weight: 0.7,
    involves: "endpoint",
    describe: ({ random, endpoint }) =>
      `SIM suspension: the SIM of ${endpoint.name} was suspended (${random.pick(suspensions)})`,
  },
  {
    typeId: 51,
    sourceId: sourceIds.policyControl,
    severityId: severityIds.info,
    weight: 1,
    involves: "endpoint+user",
    describe: ({ endpoint, user }) => `SIM assigned: ${user.username} assigned a SIM to ${endpoint.name}`,
  },
  {
    typeId: 11,
    sourceId: sourceIds.policyControl,
    severityId: severityIds.critical,
    weight: 0.3,
    involves: "endpoint",
    describe: ({ random, endpoint }) =>
      `Endpoint blocked: ${endpoint.name} blocked by policy after ${random.pick(blockReasons)}`,
  },
  {
    typeId: 42,
    sourceId: sourceIds.policyControl,
    severityId: severityIds.info,
    weight: 1,
    involves: "endpoint+user",
    describe: ({ endpoint, user }) =>
      `Endpoint enabled: ${endpoint.name} put back in service by ${user.username}`,
  },
  {
    typeId: 43,
    sourceId: sourceIds.policyControl,
    severityId: severityIds.warn,
    weight: 0.8,
    involves: "endpoint+user",
    describe: ({ endpoint, user }) =>
      `Endpoint disabled: ${endpoint.name} taken out of service by ${user.username}`,
  },
  // API
  {
    typeId: 6,
    sourceId: sourceIds.api,
    severityId: severityIds.warn,
    weight: 3,
    involves: "user",
    describe: ({ random, user }) =>
      `User authentication failed: login denied for ${user.username} (wrong password) from ${random.pick(clientIps)}`,
  },
  {
    typeId: 6,
    sourceId: sourceIds.api,
    severityId: severityIds.critical,
    weight: 0.2,
    involves: "user",
    describe: ({ user }) =>
      `User authentication failed: login denied, ${user.username} locked after 5 failed attempts`,
  },
  {
    typeId: 7,
    sourceId: sourceIds.api,
    severityId: severityIds.warn,
    weight: 1,
    involves: "user",
    describe: ({ random }) =>
      `Application authentication failed: API key denied for client ${random.pick(clients)} (key revoked)`,
  },
  {
    typeId: 14,
    sourceId: sourceIds.api,
    severityId: severityIds.info,
    weight: 3,
    involves: "user",
    describe: ({ random, user }) =>
      `Multi-factor authentication: login confirmed for ${user.username} with ${random.pick(mfaMethods)}`,
  },
  {
    typeId: 31,
    sourceId: sourceIds.api,
    severityId: severityIds.info,
    weight: 0.8,
    involves: "user",
    describe: ({ random, user }) => `Organisation updated: ${user.username} changed ${random.pick(settings)}`,
  },
  {
    typeId: 12,
    sourceId: sourceIds.api,
    severityId: severityIds.critical,
    weight: 0.03,
    involves: "organisation",
    describe: ({ organisation }) =>
      `Organisation blocked: API access of ${organisation} suspended (quota abuse)`,
  },
  {
    typeId: 0,
    sourceId: sourceIds.api,
    severityId: severityIds.info,
    weight: 2,
    involves: "user",
    describe: ({ random, user }) => `API call: ${user.username} ${random.pick(apiActions)}`,
  },
];
