import { Link, useParams } from "react-router";
import type { Container } from "../../../contract/container";
import { paths } from "../../app/paths";
import { dataTableColumnHelper } from "../../ui/data-table-features";
import { Timestamp } from "../../ui/timestamp";
import { ContainerBadges } from "./container-badges";

/** The containers table; ids are the API's container sort fields (`name`, `created_at`, `expires_at`). */

const column = dataTableColumnHelper<Container>();

/** On a phone, where the ID and Organisation columns are hidden, the name says them under it. */
function NameCell({ container }: { container: Container }) {
  const { orgId } = useParams();
  return (
    <>
      <Link to={paths.container(Number(orgId), container.id)}>{container.name}</Link>
      <span className="container-name-more">
        <span className="mono">{container.id}</span> · {container.organisation.name}
      </span>
    </>
  );
}

/** The columns a phone shows: the name (with its ID and organisation) and the state. */
export const phoneContainerColumns = { id: false, organisation: false, created_at: false, expires_at: false };

export const containerColumns = column.columns([
  column.accessor("name", { header: "Name", cell: (info) => <NameCell container={info.row.original} /> }),
  column.accessor("id", {
    header: "ID",
    enableSorting: false,
    cell: (info) => <span className="mono">{info.getValue()}</span>,
  }),
  column.accessor((container) => container.organisation.name, {
    id: "organisation",
    header: "Organisation",
    enableSorting: false,
  }),
  column.accessor("created_at", {
    header: "Created",
    sortDescFirst: true,
    cell: (info) => <Timestamp value={info.getValue()} />,
  }),
  column.accessor("expires_at", {
    header: "Expires",
    cell: (info) => {
      const value = info.getValue();
      return value === null ? <span className="muted">Never</span> : <Timestamp value={value} />;
    },
  }),
  column.display({
    id: "state",
    header: "State",
    enableSorting: false,
    cell: (info) => <ContainerBadges container={info.row.original} />,
  }),
]);
