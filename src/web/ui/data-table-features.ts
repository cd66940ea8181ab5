import {
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
};

/** The TanStack Table v9 features every DataTable registers: server-side sorting and paging, hideable columns. */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each column keeps its own value type
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

/**
 * Column helper for `DataTable` columns. A column's id is the API's sort field; columns the API cannot sort by
 * set `enableSorting: false`.
 */
export function dataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}
