/**
 * The pager under a list: "12,431 events · Page [3] of 249" (type a page number and press Enter to jump to
 * it), `First page`/`Previous page`/`Next page`/`Last page` buttons (accessible names) and a `Rows per page`
 * select (25/50/100/250/1000, plus the current size if the URL asked for another).
 * Props: `page` (1-based), `perPage`, `total`, `totalPages` (the server's x-* headers), `noun` ({ one, other }),
 * `onPageChange(page)`, `onPerPageChange(size)`. Stateless: the caller keeps all of it in the URL.
 */
import { useId, useState } from "react";
import "./pagination.css";
import { formatCount } from "./formats";

export const pageSizes = [25, 50, 100, 250, 1000] as const;

export function Pagination({
  page,
  perPage,
  total,
  totalPages,
  noun,
  onPageChange,
  onPerPageChange,
}: {
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
  noun: { one: string; other: string };
  onPageChange: (page: number) => void;
  onPerPageChange: (perPage: number) => void;
}) {
  const sizeId = useId();
  const sizes = (pageSizes as readonly number[]).includes(perPage)
    ? pageSizes
    : [...pageSizes, perPage].sort((a, b) => a - b);
  const lastPage = Math.max(totalPages, 1);
  return (
    <nav className="pagination" aria-label="Pagination">
      <p className="pagination-total">
        <strong>{formatCount(total)}</strong> {total === 1 ? noun.one : noun.other}
      </p>
      <div className="pagination-size">
        <label htmlFor={sizeId}>Rows per page</label>
        <select
          id={sizeId}
          className="select"
          value={perPage}
          onChange={(event) => {
            onPerPageChange(Number(event.target.value));
          }}
        >
          {sizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="pagination-page">
        {lastPage > 1 ? (
          <PageJump key={page} page={page} lastPage={lastPage} onPageChange={onPageChange} />
        ) : (
          <>Page 1 of 1</>
        )}
        <span className="visually-hidden" aria-live="polite">
          Page {formatCount(page)} of {formatCount(lastPage)}
        </span>
      </div>
      <div className="pagination-buttons">
        <PageButton
          label="First page"
          symbol="«"
          disabled={page <= 1}
          onClick={() => {
            onPageChange(1);
          }}
        />
        <PageButton
          label="Previous page"
          symbol="‹ Previous"
          disabled={page <= 1}
          onClick={() => {
            onPageChange(Math.min(page - 1, lastPage));
          }}
        />
        <PageButton
          label="Next page"
          symbol="Next ›"
          disabled={page >= lastPage}
          onClick={() => {
            onPageChange(page + 1);
          }}
        />
        <PageButton
          label="Last page"
          symbol="»"
          disabled={page >= lastPage}
          onClick={() => {
            onPageChange(lastPage);
          }}
        />
      </div>
    </nav>
  );
}

/** "Page [3] of 249": Enter goes to the typed page (kept within 1 and the last). */
function PageJump({
  page,
  lastPage,
  onPageChange,
}: {
  page: number;
  lastPage: number;
  onPageChange: (page: number) => void;
}) {
  const id = useId();
  const [typed, setTyped] = useState(String(page));
  const go = () => {
    const wanted = Number(typed);
    if (!Number.isInteger(wanted) || typed.trim() === "") {
      setTyped(String(page));
      return;
    }
    const target = Math.min(Math.max(wanted, 1), lastPage);
    setTyped(String(target));
    if (target !== page) onPageChange(target);
  };
  return (
    <form
      className="pagination-jump"
      onSubmit={(event) => {
        event.preventDefault();
        go();
      }}
    >
      <label htmlFor={id}>Page</label>
      <input
        id={id}
        className="input pagination-jump-input"
        inputMode="numeric"
        pattern="[0-9]*"
        size={Math.max(2, String(lastPage).length)}
        value={typed}
        aria-describedby={`${id}-of`}
        onChange={(event) => {
          setTyped(event.target.value.replace(/\D/g, ""));
        }}
        onBlur={go}
      />
      <span id={`${id}-of`}>of {formatCount(lastPage)}</span>
    </form>
  );
}

function PageButton({
  label,
  symbol,
  disabled,
  onClick,
}: {
  label: string;
  symbol: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      {symbol}
    </button>
  );
}
