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
 * - `columnSizing` / `onColumnSizingChange` — controlled widths (px) of the columns someone resized. Given, the
 *   table is sized: each column is its `size` wide and its header has a resize handle (drag, or ←/→), the
 *   `meta.fill` column takes the width left (at least its `size`) until it is given one, and the table scrolls
 *   sideways only when the columns need more than its frame. Cells wrap, to two lines at most.
 * - `columnOrder` / `onColumnOrderChange` — controlled; the headers of the columns it names can be dragged
 *   before or after one another. Columns it does not name stay after those it does.
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
  type ColumnSizingState,
  type ColumnVisibilityState,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { memo, useMemo, type ReactNode } from "react";
import { placeColumn } from "./column-layout";
import { columnDefId, dataTableFeatures, type DataTableColumn } from "./data-table-features";
import { DataTableHead } from "./data-table-head";
import { useElementWidth } from "./use-element-width";
import { isOwnClick, openerKeyDown } from "./open-on-activate";
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
  columnSizing?: ColumnSizingState;
  onColumnSizingChange?: (sizing: ColumnSizingState) => void;
  columnOrder?: readonly string[];
  onColumnOrderChange?: (order: readonly string[]) => void;
  onRowOpen?: (row: TData) => void;
  activeRowId?: string | undefined;
  isStale?: boolean;
  empty?: ReactNode;
  rowClassName?: (row: TData) => string | undefined;
};

const noRows: never[] = [];
const allVisible: ColumnVisibilityState = {};
const noSizes: ColumnSizingState = {};
const noOrder: readonly string[] = [];
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
  columnSizing = noSizes,
  onColumnSizingChange,
  columnOrder = noOrder,
  onColumnOrderChange,
  onRowOpen,
  activeRowId,
  isStale = false,
  empty,
  rowClassName,
}: DataTableProps<TData>) {
  const pagination = useMemo(() => ({ pageIndex: page - 1, pageSize: perPage }), [page, perPage]);
  const sized = onColumnSizingChange !== undefined;
  // The fill column, while nobody has set its width, is as wide as the table leaves it: measured, so that a
  // resize starts from the width on screen.
  const fill = columns.find((def) => def.meta?.fill);
  const fillId = fill ? columnDefId(fill) : undefined;
  const autoFillId =
    sized && fillId !== undefined && columnVisibility[fillId] !== false && columnSizing[fillId] === undefined
      ? fillId
      : undefined;
  const [fillRef, fillWidth] = useElementWidth();
  const tableSizing = useMemo(
    () =>
      autoFillId !== undefined && fillWidth !== undefined
        ? { ...columnSizing, [autoFillId]: fillWidth }
        : columnSizing,
    [autoFillId, columnSizing, fillWidth],
  );
  const order = useMemo(() => [...columnOrder], [columnOrder]);
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows ?? noRows,
    getRowId: (row) => getRowId(row),
    state: { sorting, pagination, columnVisibility, columnSizing: tableSizing, columnOrder: order },
    onSortingChange: (updater) => {
      onSortingChange(functionalUpdate(updater, sorting));
    },
    onColumnVisibilityChange: (updater) => {
      onColumnVisibilityChange?.(functionalUpdate(updater, columnVisibility));
    },
    onColumnSizingChange: (updater) => {
      // The measured width of the fill column is kept only when someone changed it.
      const next = Object.entries(functionalUpdate(updater, tableSizing)).filter(
        ([id, size]) => id !== autoFillId || size !== tableSizing[id],
      );
      onColumnSizingChange?.(Object.fromEntries(next));
    },
    columnResizeMode: "onChange",
    enableColumnResizing: sized,
    manualSorting: true,
    manualPagination: true,
    rowCount,
    sortDescFirst: false,
    enableMultiSort: true,
  });
  const visibleColumns = table.getVisibleLeafColumns();
  const reorderable = useMemo(
    () => new Set(onColumnOrderChange ? columnOrder : []),
    [columnOrder, onColumnOrderChange],
  );
  // At least the sum of the widths (the fill column's `size` counting as its least), and the frame's width
  // while a fill column takes what is left.
  const minWidth = visibleColumns.reduce(
    (sum, column) => sum + (column.id === autoFillId ? (column.columnDef.size ?? 0) : column.getSize()),
    0,
  );
  const tableStyle = sized
    ? { width: autoFillId === undefined ? `${String(minWidth)}px` : `max(100%, ${String(minWidth)}px)` }
    : undefined;

  return (
    <div className="data-table-scroll">
      <table
        className={`data-table${sized ? " is-sized" : ""}${isStale ? " is-stale" : ""}${onRowOpen ? " has-row-open" : ""}`}
        style={tableStyle}
        aria-label={label}
        aria-busy={rows === undefined || isStale}
      >
        {sized ? (
          <colgroup>
            {visibleColumns.map((column) => (
              <col
                key={column.id}
                style={column.id === autoFillId ? undefined : { width: column.getSize() }}
              />
            ))}
          </colgroup>
        ) : null}
        <DataTableHead
          table={table}
          sized={sized}
          multiSort={sorting.length > 1}
          reorderable={reorderable}
          fillId={autoFillId}
          fillRef={fillRef}
          onPlace={(id, target, side) => {
            onColumnOrderChange?.(placeColumn(columnOrder, id, target, side));
          }}
          onWidthChange={(id, width) => {
            onColumnSizingChange?.({ ...columnSizing, [id]: width });
          }}
        />
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
                        openerKeyDown(event, () => {
                          onRowOpen(row.original);
                        });
                      }
                    : undefined
                }
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.className}>
                    {sized ? (
                      <div className="cell-lines">
                        <table.FlexRender cell={cell} />
                      </div>
                    ) : (
                      <table.FlexRender cell={cell} />
                    )}
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
