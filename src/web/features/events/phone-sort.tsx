import { useId } from "react";
import { formatSort, parseSort, type SortTerm } from "../../../contract/sort-grammar";
import { eventSortFields } from "../../../contract/sort-fields";

/** The orders a phone offers in place of the table's sortable headers. */
const orders = [
  { sort: "-timestamp", label: "Newest first" },
  { sort: "timestamp", label: "Oldest first" },
  { sort: "-severity,-timestamp", label: "Most severe first" },
  { sort: "type,-timestamp", label: "Type, A to Z" },
  { sort: "user,-timestamp", label: "User, A to Z" },
] as const;

/**
 * The list's order as a select, for the card layout that has no headers to click. An order from a link that
 * is none of these stays selected as "Another order" until another is chosen.
 */
export function PhoneSort({
  sort,
  onChange,
}: {
  sort: readonly SortTerm[];
  onChange: (sort: SortTerm[]) => void;
}) {
  const id = useId();
  const current = formatSort(sort);
  const known = orders.some((order) => order.sort === current);
  return (
    <span className="phone-sort">
      <label htmlFor={id}>Order</label>
      <select
        id={id}
        className="select"
        value={current}
        onChange={(event) => {
          const parsed = parseSort(event.target.value, eventSortFields);
          if (parsed.ok) onChange(parsed.value);
        }}
      >
        {orders.map((order) => (
          <option key={order.sort} value={order.sort}>
            {order.label}
          </option>
        ))}
        {known ? null : <option value={current}>Another order ({current})</option>}
      </select>
    </span>
  );
}
