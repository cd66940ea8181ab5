import type { ColumnVisibilityState } from "@tanstack/react-table";
import { Link, useParams } from "react-router";
import { severityIds } from "../../../contract/catalogue";
import type { Event } from "../../../contract/event";
import { paths } from "../../app/paths";
import { dataTableColumnHelper } from "../../ui/data-table-features";
import { zoneName } from "../../ui/display-zone";
import { Timestamp } from "../../ui/timestamp";
import "./events-columns.css";

/**
 * The columns of every event table. Ids are the API's sort fields; the others (status, description, container,
 * reason, client_ip, imei) cannot be sorted by the server. Columns in `defaultHiddenEventColumns` start hidden.
 * Default widths (`size`, px) let the default columns, Organisation too, fit a 1280 px screen: most text wraps to
 * a second line as the description does, and the description takes the width left.
 */

const column = dataTableColumnHelper<Event>();

const none = <span className="muted">—</span>;

export function SeverityCell({ event }: { event: Event }) {
  const { id, description } = event.event_severity;
  const tone = id === severityIds.critical ? "badge-critical" : id === severityIds.warn ? "badge-warn" : "";
  return (
    <span className="event-severity">
      <span className={`badge ${tone}`}>{description}</span>
      {event.alert ? <span className="badge badge-alert">Alert</span> : null}
    </span>
  );
}

export function StatusCell({ status }: { status: Event["status"] }) {
  if (status === null) return none;
  return <span className={`badge ${status === "FAILURE" ? "badge-danger" : "badge-success"}`}>{status}</span>;
}

function ContainerCell({ container }: { container: Event["container"] }) {
  const { orgId } = useParams();
  if (!container) return none;
  return (
    <Link to={paths.container(Number(orgId), container.id)} title={`Timeline of ${container.id}`}>
      {container.name}
    </Link>
  );
}

const orNone = (value: string | null | undefined) => value ?? none;

export const eventColumns = column.columns([
  column.accessor("timestamp", {
    size: 96,
    header: () => (
      <>
        Timestamp <span className="header-zone">({zoneName()})</span>
      </>
    ),
    meta: { label: "Timestamp" },
    sortDescFirst: true,
    cell: (info) => <Timestamp value={info.getValue()} />,
  }),
  column.accessor((event) => event.event_type.description, { id: "type", size: 104, header: "Type" }),
  column.accessor((event) => event.event_severity.id, {
    id: "severity",
    size: 88,
    header: "Severity",
    cell: (info) => <SeverityCell event={info.row.original} />,
  }),
  column.accessor((event) => event.event_source.description, { id: "source", size: 88, header: "Source" }),
  column.accessor("status", {
    size: 84,
    header: "Status",
    enableSorting: false,
    cell: (info) => <StatusCell status={info.getValue()} />,
  }),
  column.accessor("description", {
    header: "Description",
    enableSorting: false,
    size: 140,
    minSize: 120,
    meta: { className: "cell-wrap cell-description", fill: true },
    cell: (info) => <span title={info.getValue()}>{info.getValue()}</span>,
  }),
  column.accessor((event) => event.user?.name, {
    id: "user",
    size: 88,
    header: "User",
    cell: (info) => <span title={info.row.original.user?.username}>{orNone(info.getValue())}</span>,
  }),
  column.accessor((event) => event.endpoint?.name, {
    id: "endpoint",
    size: 112,
    header: "Endpoint",
    cell: (info) => orNone(info.getValue()),
  }),
  column.accessor("container", {
    size: 120,
    header: "Container",
    enableSorting: false,
    cell: (info) => <ContainerCell container={info.getValue()} />,
  }),
  column.accessor("reason", {
    size: 140,
    header: "Reason",
    enableSorting: false,
    cell: (info) => orNone(info.getValue()),
  }),
  column.accessor("client_ip", {
    size: 120,
    header: "Client IP",
    enableSorting: false,
    cell: (info) => orNone(info.getValue()),
  }),
  column.accessor("id", {
    size: 72,
    header: "ID",
    sortDescFirst: true,
    meta: { className: "cell-number" },
  }),
  column.accessor("alert", { size: 64, header: "Alert", cell: (info) => (info.getValue() ? "Yes" : "No") }),
  column.accessor((event) => event.organisation.name, {
    id: "organisation",
    size: 112,
    header: "Organisation",
  }),
  column.accessor((event) => event.endpoint?.tags, {
    id: "tags",
    size: 120,
    header: "Tags",
    cell: (info) => orNone(info.getValue()),
  }),
  column.accessor((event) => event.endpoint?.ip_address, {
    id: "ip_address",
    size: 120,
    header: "IP address",
    cell: (info) => orNone(info.getValue()),
  }),
  column.accessor((event) => event.endpoint?.imei, {
    id: "imei",
    size: 150,
    header: "IMEI",
    enableSorting: false,
    cell: (info) => orNone(info.getValue()),
  }),
  column.accessor((event) => event.sim?.iccid, {
    id: "iccid",
    size: 176,
    header: "ICCID",
    cell: (info) => orNone(info.getValue()),
  }),
  column.accessor((event) => event.imsi?.imsi, {
    id: "imsi",
    size: 150,
    header: "IMSI",
    cell: (info) => orNone(info.getValue()),
  }),
]);

export const defaultHiddenEventColumns: ColumnVisibilityState = {
  id: false,
  alert: false,
  organisation: false,
  tags: false,
  ip_address: false,
  reason: false,
  client_ip: false,
  imei: false,
  iccid: false,
  imsi: false,
};
