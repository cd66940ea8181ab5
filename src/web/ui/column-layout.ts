import { z } from "zod";

/**
 * A table's column order and widths as one person arranged them: `order` names every column the table knows
 * (hidden ones too), `sizes` holds only the widths someone set, in CSS pixels.
 */
export type ColumnLayout = { order: readonly string[]; sizes: Readonly<Record<string, number>> };

export const minColumnWidth = 48;
export const maxColumnWidth = 1600;

const storedLayout = z.object({
  order: z.array(z.string()).catch([]),
  sizes: z.record(z.string(), z.number()).catch({}),
});

/**
 * The layout kept as `raw` (JSON, or null when nothing is kept) for a table whose columns are `ids`, in their
 * default order. Anything unreadable counts as nothing kept; ids the table no longer has are dropped, columns
 * the table gained since are appended, and widths out of range are forgotten.
 */
export function readColumnLayout(raw: string | null, ids: readonly string[]): ColumnLayout {
  const stored = storedLayout.safeParse(parseJson(raw));
  if (!stored.success) return { order: ids, sizes: {} };
  const known = new Set(ids);
  const kept = [...new Set(stored.data.order)].filter((id) => known.has(id));
  const order = [...kept, ...ids.filter((id) => !kept.includes(id))];
  const sizes = Object.fromEntries(
    Object.entries(stored.data.sizes)
      .filter(([id, size]) => known.has(id) && size >= minColumnWidth && size <= maxColumnWidth)
      .map(([id, size]) => [id, Math.round(size)]),
  );
  return { order, sizes };
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** `order` with `id` moved `offset` places (−1 earlier, 1 later), unchanged at either end. */
export function moveColumn(order: readonly string[], id: string, offset: number): readonly string[] {
  const from = order.indexOf(id);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= order.length) return order;
  const next = order.filter((other) => other !== id);
  next.splice(to, 0, id);
  return next;
}

/** `order` with `id` put just before or after `target` (a header dropped on another's half). */
export function placeColumn(
  order: readonly string[],
  id: string,
  target: string,
  side: "before" | "after",
): readonly string[] {
  if (id === target || !order.includes(id) || !order.includes(target)) return order;
  const next = order.filter((other) => other !== id);
  next.splice(next.indexOf(target) + (side === "after" ? 1 : 0), 0, id);
  return next;
}
