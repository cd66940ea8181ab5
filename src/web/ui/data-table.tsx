/**
 * A server-driven table (TanStack Table v9, manual sorting and paging): the server already sorted and paged
 * `rows`; this renders them and turns header clicks into a new `sorting` for the caller to put in the URL.
 *
 * Props
 * - `label` — the table's accessible name.
 * - `columns` — stable (module-level) defs from `dataTableColumnHelper`; a column's id is the API sort field.
 * - `rows` — the page's rows; `undefined` while the first page loads (skeleton rows are shown).
 * - `getRowId`, `rowCount` (the server's total), `page` (1-based), `perPage`.
 * - `sorting` / `onSortingChange` — controlled. A sortable header is a `<button>` named after the column in a
 *   `<th aria-sort>`; a click cycles ascending → descending → off (columns with `sortDescFirst` start descending),
 *   Shift+click adds or cycles a secondary sort.
 * - `columnVisibility` / `onColumnVisibilityChange` — controlled; `{ id: false }` hides a column.
 * - `onRowOpen(row)` — makes rows focusable: click, Enter or Space opens a detail; ↑/↓ move between rows.
 *   Clicks on links, buttons or selected text inside a row are left alone. `activeRowId` marks the open row.
 * - `isStale` — the rows are the previous page's, kept while the next loads: they are dimmed.
 * - `empty` — what to show when the page has no rows.
 * - `rowClassName(row)` — an extra class for a row (e.g. failures).
 *
 * Memoised: a caller that re-renders with the same props (stable callbacks, `empty` only when it shows) does not
 * render the rows again.
 */
import {
  functionalUpdate,
  useTable,
  type ColumnVisibilityState,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { memo, useMemo, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { dataTableFeatures, type DataTableColumn } from "./data-table-features";
import { Skeleton } from "./states";
import "./data-table.css";

export type DataTableProps<TData extends RowData> = {
  label: string;
  columns: readonly DataTableColumn<TData>[];
  rows: TData[] | undefined;
  getRowId: (row: TData) => string;
  rowCount: number;
  page: number;
  perPage: number;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  columnVisibility?: ColumnVisibilityState;
  onColumnVisibilityChange?: (visibility: ColumnVisibilityState) => void;
  onRowOpen?: (row: TData) => void;
  activeRowId?: string | undefined;
  isStale?: boolean;
  empty?: ReactNode;
  rowClassName?: (row: TData) => string | undefined;
};

const noRows: never[] = [];
const allVisible: ColumnVisibilityState = {};
const skeletonWidths = ["70%", "45%", "85%", "55%", "65%"];

function DataTableRows<TData extends RowData>({
  label,
  columns,
  rows,
  getRowId,
  rowCount,
  page,
  perPage,
  sorting,
  onSortingChange,
  columnVisibility = allVisible,
  onColumnVisibilityChange,
  onRowOpen,
  activeRowId,
  isStale = false,
  empty,
  rowClassName,
}: DataTableProps<TData>) {
  const pagination = useMemo(() => ({ pageIndex: page - 1, pageSize: perPage }), [page, perPage]);
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows ?? noRows,
    getRowId: (row) => getRowId(row),
    state: { sorting, pagination, columnVisibility },
    onSortingChange: (updater) => {
      onSortingChange(functionalUpdate(updater, sorting));
    },
    onColumnVisibilityChange: (updater) => {
      onColumnVisibilityChange?.(functionalUpdate(updater, columnVisibility));
    },
    manualSorting: true,
    manualPagination: true,
    rowCount,
    sortDescFirst: false,
    enableMultiSort: true,
  });
  const visibleColumns = table.getVisibleLeafColumns();
  const multiSort = sorting.length > 1;

  return (
    <div className="data-table-scroll">
      <table
        className={`data-table${isStale ? " is-stale" : ""}${onRowOpen ? " has-row-open" : ""}`}
        aria-label={label}
        aria-busy={rows === undefined || isStale}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const sorted = column.getIsSorted();
                const canSort = column.getCanSort();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    colSpan={header.colSpan}
                    className={column.columnDef.meta?.className}
                    aria-sort={
                      !canSort
                        ? undefined
                        : sorted === "asc"
                          ? "ascending"
                          : sorted === "desc"
                            ? "descending"
                            : "none"
                    }
                  >
                    {header.isPlaceholder ? null : canSort ? (
                      <button
                        type="button"
                        className="sort-button"
                        title="Sort; Shift+click adds a secondary sort"
                        onClick={column.getToggleSortingHandler()}
                      >
                        <table.FlexRender header={header} />
                        <span className={`sort-indicator${sorted ? " is-sorted" : ""}`} aria-hidden="true">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          {multiSort && sorted ? <sup>{column.getSortIndex() + 1}</sup> : null}
                        </span>
                      </button>
                    ) : (
                      <span className="header-text">
                        <table.FlexRender header={header} />
                      </span>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows === undefined ? (
            Array.from({ length: Math.min(perPage, 12) }, (_, index) => (
              <tr key={index} className="skeleton-row">
                {visibleColumns.map((column, columnIndex) => (
                  <td key={column.id}>
                    <Skeleton width={skeletonWidths[(index + columnIndex) % skeletonWidths.length]} />
                  </td>
                ))}
              </tr>
            ))
          ) : rows.length === 0 ? (
            <tr>
              <td className="empty-cell" colSpan={Math.max(visibleColumns.length, 1)}>
                {empty}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className={rowClassName?.(row.original)}
                tabIndex={onRowOpen ? 0 : undefined}
                aria-current={row.id === activeRowId ? "true" : undefined}
                onClick={
                  onRowOpen
                    ? (event) => {
                        if (!isOwnClick(event)) onRowOpen(row.original);
                      }
                    : undefined
                }
                onKeyDown={
                  onRowOpen
                    ? (event) => {
                        rowKeyDown(event, () => {
                          onRowOpen(row.original);
                        });
                      }
                    : undefined
                }
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.className}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export const DataTable = memo(DataTableRows) as typeof DataTableRows;

/** A click meant for a control inside the row, or the end of a text selection, does not open the row. */
function isOwnClick(event: MouseEvent<HTMLTableRowElement>): boolean {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest("a, button, input, select, textarea, label")) return true;
  return (window.getSelection()?.toString() ?? "") !== "";
}

function rowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  if (event.target !== event.currentTarget) return;
  if (event.key === "Enter" || event.key === " ") {
    event.preventDefault();
    open();
  } else if (["ArrowDown", "ArrowUp", "j", "k"].includes(event.key)) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const sibling =
      event.key === "ArrowDown" || event.key === "j"
        ? event.currentTarget.nextElementSibling
        : event.currentTarget.previousElementSibling;
    if (sibling instanceof HTMLElement) {
      event.preventDefault();
      sibling.focus();
    }
  }
}
