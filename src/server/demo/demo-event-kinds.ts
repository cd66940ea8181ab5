import {
  containerEventTypeIds,
  severityIds,
  sourceIds,
  type ContainerEventType,
} from "../../contract/catalogue";
import type { DemoWorld } from "../store/event-row";
import { accessDenial, notAuthorised, quotaExceeded, revocationFailed, type Denial } from "./demo-failures";
import { blockReasons, platformKinds } from "./demo-platform-kinds";
import type { Random } from "./prng";

type Endpoint = DemoWorld["endpoints"][number];
type User = DemoWorld["users"][number];
type Container = DemoWorld["containers"][number];

export type KindContext = {
  random: Random;
  organisation: string;
  endpoint: Endpoint;
  user: User;
  container: Container;
  /** A failed container event's cause and address, drawn before it is described; null otherwise. */
  denial: Denial | null;
  clientIp: string | null;
};

/** One sort of demo event: its catalogue ids, what it involves, how often it happens and how it reads. */
export type EventKind = {
  typeId: number;
  sourceId: number;
  severityId: number;
  weight: number;
  involves: "endpoint" | "user" | "endpoint+user" | "container" | "organisation";
  /** Container events only. */
  status?: "SUCCESS" | "FAILURE";
  /** Container events with no person behind them (expiry jobs, outside recipients) leave the user empty. */
  anonymous?: number;
  /** Failed container events only: why this one failed. */
  denial?: (random: Random, container: Container, timestampMs: number) => Denial;
  describe(context: KindContext): string;
};

function containerKind(
  type: ContainerEventType,
  status: "SUCCESS" | "FAILURE",
  weight: number,
  detail: (context: KindContext) => string,
  anonymous = 0,
  denial?: EventKind["denial"],
): EventKind {
  return {
    typeId: containerEventTypeIds[type],
    sourceId: sourceIds.api,
    severityId: status === "FAILURE" ? severityIds.warn : severityIds.info,
    weight,
    involves: "container",
    status,
    anonymous,
    ...(denial ? { denial } : {}),
    describe: (context) =>
      `${type} ${status} on container ${context.container.name} (${context.container.id}): ${detail(context)}`,
  };
}

export const accessFailure = containerKind(
  "ACCESS",
  "FAILURE",
  1.2,
  ({ denial, clientIp }) => `access denied, ${denial?.text ?? "unknown cause"} from ${clientIp ?? "unknown"}`,
  0.3,
  accessDenial,
);

const always = (denial: Denial) => () => denial;

export const eventKinds: readonly EventKind[] = [
  ...platformKinds,
  // Containers
  containerKind("ACCESS", "SUCCESS", 8, ({ user }) => `opened by ${user.username}`),
  accessFailure,
  containerKind("CREATE", "SUCCESS", 0.8, ({ user }) => `new version uploaded by ${user.username}`),
  containerKind(
    "CREATE",
    "FAILURE",
    0.1,
    () => "upload rejected, storage quota exceeded",
    0,
    always(quotaExceeded),
  ),
  containerKind("BLOCK", "SUCCESS", 0.25, ({ random }) => `blocked (${random.pick(blockReasons)})`, 0.4),
  containerKind(
    "BLOCK",
    "FAILURE",
    0.05,
    () => "block request denied, insufficient rights",
    0,
    always(notAuthorised),
  ),
  containerKind("EXPIRE", "SUCCESS", 0.2, () => "share link expired, keys revoked", 1),
  containerKind(
    "EXPIRE",
    "FAILURE",
    0.05,
    () => "expiry job could not revoke 2 device keys",
    1,
    always(revocationFailed),
  ),
];
