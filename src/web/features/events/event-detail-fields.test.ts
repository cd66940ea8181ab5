import { describe, expect, it } from "vitest";
import type { Event } from "../../../contract/event";
import { eventDetailGroups } from "./event-detail-fields";
import { fullEvent } from "./test-event";

const full = fullEvent;

const filters = (event: Event) =>
  eventDetailGroups(event).flatMap((group) => group.fields.flatMap((field) => field.filter ?? []));

describe("eventDetailGroups", () => {
  it("offers a filter for every filterable value, by id where the API filters by id", () => {
    expect(filters(full)).toEqual([
      { field: "type", value: "100" },
      { field: "source", value: "2" },
      { field: "severity", value: "1" },
      { field: "alert", value: "true" },
      { field: "status", value: "FAILURE" },
      { field: "organisation", value: "Acme Logistics" },
      { field: "user", value: "sam@acme.test" },
      { field: "endpoint", value: "truck-1" },
      { field: "ip_address", value: "10.0.0.1" },
      { field: "imei", value: "123" },
      { field: "iccid", value: "8949" },
      { field: "imsi", value: "2620" },
      { field: "container", value: "c-0001" },
      { field: "reason", value: "wrong_password" },
      { field: "client_ip", value: "203.0.113.7" },
    ]);
  });

  it("lists a container event's missing reason and client IP as none, without a filter", () => {
    const succeeded: Event = { ...full, status: "SUCCESS", reason: null, client_ip: null };
    const container = eventDetailGroups(succeeded).find((group) => group.title === "Container");
    expect(container?.fields.map(({ label, value, filter }) => ({ label, value, filter }))).toEqual([
      { label: "Container", value: "Plans.enc", filter: { field: "container", value: "c-0001" } },
      { label: "Reason", value: null, filter: undefined },
      { label: "Client IP", value: null, filter: undefined },
    ]);
  });

  it("lists absent parts as none and offers no filter for them", () => {
    const bare: Event = {
      ...full,
      status: null,
      user: null,
      endpoint: null,
      sim: null,
      imsi: null,
      container: null,
    };
    const fields = eventDetailGroups(bare).flatMap((group) => group.fields);
    expect(fields.filter((field) => field.value === null).map((field) => field.label)).toEqual([
      "Status",
      "User",
      "Endpoint",
      "ICCID",
      "IMSI",
      "Container",
    ]);
    expect(filters(bare).map((term) => term.field)).toEqual([
      "type",
      "source",
      "severity",
      "alert",
      "organisation",
    ]);
  });
});
