/**
 * `Export CSV · 12,431 rows`: exports the whole current view (same sort and q) and saves it under the server's
 * file name. While it runs, a progress bar against `x-total-count` and a `Cancel` button that aborts the
 * request; a choice of all columns or the table's visible ones, and an `Excel-friendly (BOM)` checkbox, both
 * remembered; errors in place. The export outlives the page (see export-jobs.ts). Props: `orgId`, `view`,
 * `request` (the list's current request: its query is shared with the table, so the count is the table's),
 * `visibleColumns` (the table's visible columns as CSV columns, in the table's order; without it, no choice:
 * every column).
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import type { CsvColumn } from "../../../contract/csv";
import { eventListPath, eventQueries, type EventView } from "../../api/event-queries";
import type { ListRequest } from "../../api/list-page";
import { meQueries } from "../../api/me-queries";
import { errorMessage } from "../../ui/states";
import { exportFileName } from "./export-csv";
import { cancelExport, startExport, useExport } from "./export-jobs";
import "./export-csv-button.css";
import { formatCount } from "../../ui/formats";
import { useRememberedChoice } from "./use-remembered-choice";

const onOff = ["off", "on"] as const;
const columnChoices = ["all", "visible"] as const;

export function ExportCsvButton({
  orgId,
  view,
  request,
  visibleColumns,
}: {
  orgId: number;
  view: EventView;
  request: ListRequest;
  visibleColumns?: readonly CsvColumn[];
}) {
  // Shown while the list loads or fails too: the list itself reports its errors, never this button.
  const events = useQuery({ ...eventQueries.list(orgId, view, request), throwOnError: false });
  const me = useQuery(meQueries.me());
  const [bom, setBom] = useRememberedChoice("eventdesk.csvBom", onOff, "off");
  const [columns, setColumns] = useRememberedChoice("eventdesk.csvColumns", columnChoices, "all");
  const path = eventListPath(orgId, view);
  const key = `${path}?sort=${request.sort ?? ""}&q=${request.q ?? ""}`;
  const state = useExport(key);
  const progressId = useId();
  const exportButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const running = state.status === "running";
  // The button the user pressed is swapped for the other one: keep keyboard focus on whichever is shown.
  const hadFocus = useRef(false);
  useEffect(() => {
    if (!hadFocus.current) return;
    (running ? cancelButton : exportButton).current?.focus();
  }, [running]);

  const total = events.isPlaceholderData ? undefined : events.data?.paging.total;
  const orgLabel = me.data?.organisations.find((org) => org.id === orgId)?.name ?? String(orgId);
  const rowsLabel = total === undefined ? "" : ` · ${formatCount(total)} ${total === 1 ? "row" : "rows"}`;

  if (running) {
    const { rows, total: expected } = state.progress;
    return (
      <div className="export-csv" role="group" aria-label="CSV export">
        <label htmlFor={progressId} className="export-csv-label">
          Exporting {formatCount(rows)}
          {expected === undefined ? "" : ` of ${formatCount(expected)}`} rows
        </label>
        <progress
          id={progressId}
          className="export-csv-progress"
          max={expected ?? 1}
          value={expected === undefined ? undefined : Math.min(rows, expected)}
        />
        <button
          ref={cancelButton}
          type="button"
          className="button button-small"
          onClick={() => {
            hadFocus.current = true;
            cancelExport(key);
          }}
        >
          Cancel
        </button>
      </div>
    );
  }

  return (
    <div className="export-csv" role="group" aria-label="CSV export">
      <p className="export-csv-status" aria-live="polite">
        {state.status === "done"
          ? `Saved ${state.result.fileName} (${formatCount(state.result.rows)} rows${state.result.via === "pages" ? ", built from pages" : ""}).`
          : state.status === "cancelled"
            ? "Export cancelled."
            : ""}
      </p>
      {state.status === "failed" ? (
        <p className="export-csv-error" role="alert">
          Export failed: {errorMessage(state.error)}
        </p>
      ) : null}
      {visibleColumns ? (
        <select
          className="select export-csv-columns"
          aria-label="Columns to export"
          value={columns}
          onChange={(event) => {
            setColumns(event.target.value === "visible" ? "visible" : "all");
          }}
        >
          <option value="all">CSV: all columns</option>
          <option value="visible">CSV: visible columns</option>
        </select>
      ) : null}
      <label
        className="export-csv-bom"
        title="Starts the file with a byte order mark, so that Excel reads its accents and symbols as UTF-8"
      >
        <input
          type="checkbox"
          checked={bom === "on"}
          onChange={(event) => {
            setBom(event.target.checked ? "on" : "off");
          }}
        />
        Excel-friendly (BOM)
        <span className="visually-hidden">
          : starts the file with a byte order mark so Excel reads it as UTF-8
        </span>
      </label>
      <button
        ref={exportButton}
        type="button"
        className="button button-small"
        disabled={!total}
        onClick={() => {
          hadFocus.current = true;
          const fileName = exportFileName(orgLabel, view, request.q);
          startExport(key, fileName, {
            path,
            sort: request.sort,
            q: request.q,
            bom: bom === "on",
            columns: columns === "visible" ? visibleColumns : undefined,
            fallbackFileName: fileName,
            total,
          });
        }}
      >
        Export CSV{rowsLabel}
      </button>
    </div>
  );
}
