import type { KeyboardEvent } from "react";
import { maxColumnWidth, minColumnWidth } from "./column-layout";

const step = 16;
const bigStep = 64;

/**
 * The right edge of a column's header: drag it (mouse or touch, through `onDragStart`), or focus it and press
 * ←/→ (Shift for bigger steps), Home for the narrowest width. A focusable separator, as ARIA names a splitter.
 */
export function ColumnResizeHandle({
  columnLabel,
  width,
  isResizing,
  onDragStart,
  onWidthChange,
}: {
  columnLabel: string;
  width: number;
  isResizing: boolean;
  onDragStart: (event: unknown) => void;
  onWidthChange: (width: number) => void;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const amount = event.shiftKey ? bigStep : step;
    const next =
      event.key === "ArrowRight"
        ? width + amount
        : event.key === "ArrowLeft"
          ? width - amount
          : event.key === "Home"
            ? minColumnWidth
            : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onWidthChange(Math.min(maxColumnWidth, Math.max(minColumnWidth, Math.round(next))));
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={`Resize ${columnLabel} column`}
      aria-valuenow={Math.round(width)}
      aria-valuemin={minColumnWidth}
      aria-valuemax={maxColumnWidth}
      aria-valuetext={`${String(Math.round(width))} pixels`}
      title="Drag, or press ← →, to resize"
      className={`column-resize-handle${isResizing ? " is-resizing" : ""}`}
      onMouseDown={(event) => {
        // No text selection, and no drag of the header (which moves columns), while the edge is dragged.
        event.preventDefault();
        onDragStart(event);
      }}
      onTouchStart={onDragStart}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        event.stopPropagation();
      }}
    />
  );
}
