import { containerEventTypeIds, severityIds, sourceIds } from "../../contract/catalogue";
import type { Container } from "../../contract/container";
import type { UserRecord } from "./account-store";
import type { LoggedEvent } from "./logged-event";

type Blocking = { blocked: boolean; reason?: string | undefined };

/**
 * The BLOCK event that records a container being blocked or unblocked through the API: stamped now, by the
 * caller, SUCCESS (so Info), its description naming who did it and why. The event's `reason` column is for
 * failed accesses' codes, so the free-text reason goes in the description.
 */
export function blockingEvent(
  container: Container,
  caller: UserRecord,
  { blocked, reason }: Blocking,
  nowMs: number,
): LoggedEvent {
  const why = reason?.trim() ? `Reason: ${reason.trim()}` : "No reason given.";
  return {
    timestampMs: nowMs,
    typeId: containerEventTypeIds.BLOCK,
    sourceId: sourceIds.api,
    severityId: severityIds.info,
    alert: false,
    status: "SUCCESS",
    description: `${blocked ? "Blocked" : "Unblocked"} by ${caller.name} (${caller.username}). ${why}`,
    organisationId: container.organisation.id,
    userId: caller.id,
    containerId: container.id,
    reason: null,
    clientIp: null,
  };
}
