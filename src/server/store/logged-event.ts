import { containerEventTypeIds, severityIds, sourceIds } from "../../contract/catalogue";
import type { Container, NewContainerEvent } from "../../contract/container";

/** A container event as every backend stores it: the contract's rules already applied. */
export type LoggedEvent = {
  timestampMs: number;
  typeId: number;
  sourceId: number;
  severityId: number;
  alert: false;
  status: NewContainerEvent["status"];
  description: string;
  organisationId: number;
  userId: number;
  containerId: string;
  reason: string | null;
  /** IPv6 hex digits in lower case (RFC 5952), so an exact filter compares stored text as it is. */
  clientIp: string | null;
};

/**
 * The contract's rules for an event logged through the API: source API, severity Info for SUCCESS and Warn
 * for FAILURE, no alert, the caller as user, and a description made from type, status and container when
 * none was given.
 */
export function loggedEvent(container: Container, userId: number, event: NewContainerEvent): LoggedEvent {
  return {
    timestampMs: Date.parse(event.timestamp),
    typeId: containerEventTypeIds[event.event_type],
    sourceId: sourceIds.api,
    severityId: event.status === "FAILURE" ? severityIds.warn : severityIds.info,
    alert: false,
    status: event.status,
    description:
      event.description ??
      `${event.event_type} ${event.status} on container ${container.name} (${container.id})`,
    organisationId: container.organisation.id,
    userId,
    containerId: container.id,
    reason: event.reason ?? null,
    clientIp: event.client_ip?.toLowerCase() ?? null,
  };
}
