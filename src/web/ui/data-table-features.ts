import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type RowData,
} from "@tanstack/react-table";

/** What a column may tell `DataTable` beyond TanStack's own options. */
export type DataTableColumnMeta = {
  /** Extra class on the column's cells (`cell-wrap`, `cell-number`, …). */
  className?: string;
  /** Name for a column chooser when the header is not plain text. */
  label?: string;
  /** Takes the width the other columns leave, at least its `size`, until someone sets its width. */
  fill?: boolean;
};

/**
 * The TanStack Table v9 features every DataTable registers: server-side sorting and paging, hideable, sized,
 * resizable and reorderable columns.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
  columnOrderingFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each column keeps its own value type
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

/**
 * Column helper for `DataTable` columns. A column's id is the API's sort field; columns the API cannot sort by
 * set `enableSorting: false`. `size` (px) is its default width where the table is sized.
 */
export function dataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

/** A column definition's id: its `id`, else its accessor key. */
export function columnDefId<TData extends RowData>(column: DataTableColumn<TData>): string {
  return column.id ?? ("accessorKey" in column ? String(column.accessorKey) : "");
}
