import { FlexRender, type Header, type RowData, type Table } from "@tanstack/react-table";
import { useId, useState, type DragEvent } from "react";
import { ColumnResizeHandle } from "./column-resize-handle";
import type { DataTableFeatures } from "./data-table-features";

type DropTarget = { id: string; side: "before" | "after" };

const dragType = "application/x-eventdesk-column";

/**
 * The header row of a DataTable: sort buttons, and where the table is sized a resize handle on each edge;
 * headers of `reorderable` columns can be dragged onto another's half to go before or after it.
 */
export function DataTableHead<TData extends RowData>({
  table,
  sized,
  multiSort,
  reorderable,
  fillId,
  fillRef,
  onPlace,
  onWidthChange,
}: {
  table: Table<DataTableFeatures, TData>;
  sized: boolean;
  multiSort: boolean;
  reorderable: ReadonlySet<string>;
  /** The column taking the width left, and the ref that measures its header. */
  fillId: string | undefined;
  fillRef: (element: Element | null) => (() => void) | undefined;
  onPlace: (id: string, target: string, side: DropTarget["side"]) => void;
  onWidthChange: (id: string, width: number) => void;
}) {
  const labelPrefix = useId();
  const [dragging, setDragging] = useState<string>();
  const [dropTarget, setDropTarget] = useState<DropTarget>();

  const dropSide = (event: DragEvent<HTMLElement>): DropTarget["side"] => {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientX < box.left + box.width / 2 ? "before" : "after";
  };

  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const column = header.column;
            const sorted = column.getIsSorted();
            const canSort = column.getCanSort();
            const canMove = dragging !== undefined && reorderable.has(column.id) && dragging !== column.id;
            const dropClass = dropTarget?.id === column.id && canMove ? ` is-drop-${dropTarget.side}` : "";
            const className = [column.columnDef.meta?.className, dropClass.trim()].filter(Boolean).join(" ");
            return (
              <th
                key={header.id}
                ref={column.id === fillId ? fillRef : undefined}
                scope="col"
                // Named by its label alone: the resize handle inside has a name of its own.
                aria-labelledby={header.isPlaceholder ? undefined : `${labelPrefix}-${column.id}`}
                colSpan={header.colSpan}
                className={className || undefined}
                aria-sort={
                  !canSort
                    ? undefined
                    : sorted === "asc"
                      ? "ascending"
                      : sorted === "desc"
                        ? "descending"
                        : "none"
                }
                onDragOver={
                  canMove
                    ? (event) => {
                        event.preventDefault();
                        event.dataTransfer.dropEffect = "move";
                        const side = dropSide(event);
                        if (dropTarget?.id !== column.id || dropTarget.side !== side)
                          setDropTarget({ id: column.id, side });
                      }
                    : undefined
                }
                onDrop={
                  canMove
                    ? (event) => {
                        event.preventDefault();
                        onPlace(dragging, column.id, dropSide(event));
                        setDragging(undefined);
                        setDropTarget(undefined);
                      }
                    : undefined
                }
              >
                <HeaderLabel
                  header={header}
                  labelId={`${labelPrefix}-${column.id}`}
                  multiSort={multiSort}
                  draggable={reorderable.has(column.id)}
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = "move";
                    event.dataTransfer.setData(dragType, column.id);
                    setDragging(column.id);
                  }}
                  onDragEnd={() => {
                    setDragging(undefined);
                    setDropTarget(undefined);
                  }}
                />
                {sized && column.getCanResize() ? (
                  <ColumnResizeHandle
                    columnLabel={columnLabel(header)}
                    width={column.getSize()}
                    isResizing={column.getIsResizing()}
                    onDragStart={header.getResizeHandler()}
                    onWidthChange={(width) => {
                      onWidthChange(column.id, width);
                    }}
                  />
                ) : null}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}

function HeaderLabel<TData extends RowData>({
  header,
  labelId,
  multiSort,
  draggable,
  onDragStart,
  onDragEnd,
}: {
  header: Header<DataTableFeatures, TData>;
  labelId: string;
  multiSort: boolean;
  draggable: boolean;
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}) {
  if (header.isPlaceholder) return null;
  const column = header.column;
  const sorted = column.getIsSorted();
  const drag = draggable ? { draggable: true, onDragStart, onDragEnd } : {};
  if (!column.getCanSort()) {
    return (
      <span className="header-text" title={draggable ? "Drag to move the column" : undefined} {...drag}>
        <span id={labelId} className="header-label">
          <FlexRender header={header} />
        </span>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="sort-button"
      title={`Sort; Shift+click adds a secondary sort${draggable ? "; drag to move the column" : ""}`}
      onClick={column.getToggleSortingHandler()}
      {...drag}
    >
      <span id={labelId} className="header-label">
        <FlexRender header={header} />
      </span>
      <span className={`sort-indicator${sorted ? " is-sorted" : ""}`} aria-hidden="true">
        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
        {multiSort && sorted ? <sup>{column.getSortIndex() + 1}</sup> : null}
      </span>
    </button>
  );
}

/** The column's name for a screen reader: its text header, or the label its meta gives. */
function columnLabel<TData extends RowData>(header: Header<DataTableFeatures, TData>): string {
  const def = header.column.columnDef;
  return typeof def.header === "string" ? def.header : (def.meta?.label ?? header.column.id);
}
