import { useState, type ReactNode } from "react";
import { ErrorState, Skeleton } from "../../ui/states";
import type { CountBar, CountField, CountList } from "./use-failure-counts";
import { formatCount } from "../../ui/formats";

const collapsedBars = 5;

/**
 * One "top N by failure count" list, busiest first, the top five until expanded. Each row is a toggle button
 * that narrows the table to that value; the bar's length is relative to the busiest value.
 */
export function FailureBarList({
  title,
  field,
  noun,
  list,
  selected,
  emptyText,
  onPick,
  mark,
  footer,
}: {
  title: string;
  field: CountField;
  /** What the field is called in a sentence: "filter by client address". */
  noun: string;
  list: CountList;
  selected: string | undefined;
  emptyText: string;
  onPick: (value: string | undefined) => void;
  /** A short state shown beside a value's count. */
  mark?: ((value: string) => ReactNode) | undefined;
  /** Shown under the list. */
  footer?: ReactNode;
}) {
  const [expanded, setExpanded] = useState(false);
  const headingId = `failure-counts-${field}`;
  const max = list.bars?.[0]?.count ?? 0;
  const hidden = list.bars ? list.bars.length - collapsedBars : 0;
  const shown = expanded ? list.bars : list.bars?.slice(0, collapsedBars);
  return (
    <section className="failure-bars" aria-labelledby={headingId}>
      <h3 id={headingId} className="failure-bars-title">
        {title}
        {list.bars && list.bars.length > 0 ? (
          <span className="muted"> · {list.bars.length} with failures</span>
        ) : null}
      </h3>
      {list.error && !list.bars ? (
        <ErrorState error={list.error} title={`Could not count failures by ${noun}`} />
      ) : !shown ? (
        <ul className="failure-bars-list" aria-busy="true" aria-label={`Loading ${title.toLowerCase()}`}>
          {[0, 1, 2].map((index) => (
            <li key={index} className="failure-bar-skeleton">
              <Skeleton width={`${80 - index * 20}%`} height={14} />
            </li>
          ))}
        </ul>
      ) : shown.length === 0 ? (
        <p className="muted failure-bars-empty">{emptyText}</p>
      ) : (
        <ol className="failure-bars-list">
          {shown.map((bar) => (
            <FailureBar
              key={bar.value}
              bar={bar}
              noun={noun}
              max={max}
              pressed={bar.value === selected}
              onPick={onPick}
              mark={mark?.(bar.value)}
            />
          ))}
        </ol>
      )}
      {hidden > 0 ? (
        <button
          type="button"
          className="button button-quiet button-small failure-bars-more"
          aria-expanded={expanded}
          onClick={() => {
            setExpanded(!expanded);
          }}
        >
          {expanded ? "Show fewer" : `Show ${String(hidden)} more`}
        </button>
      ) : null}
      {footer}
    </section>
  );
}

function FailureBar({
  bar,
  noun,
  max,
  pressed,
  onPick,
  mark,
}: {
  bar: CountBar;
  noun: string;
  max: number;
  pressed: boolean;
  onPick: (value: string | undefined) => void;
  mark: ReactNode;
}) {
  const share = max > 0 ? Math.max(2, Math.round((bar.count / max) * 100)) : 0;
  return (
    <li>
      {/* Named by what it shows, "Depot 7 12 failures, filter by container", so a name spoken starts as on screen. */}
      <button
        type="button"
        className="failure-bar"
        aria-pressed={pressed}
        title={bar.detail && bar.detail !== bar.label ? `${bar.label} (${bar.detail})` : bar.label}
        onClick={() => {
          onPick(pressed ? undefined : bar.value);
        }}
      >
        <span className="failure-bar-label">
          <span className="failure-bar-text">{bar.label}</span>
          {mark}
        </span>{" "}
        <span className="failure-bar-count">
          {formatCount(bar.count)}
          <span className="visually-hidden">
            {" "}
            {bar.count === 1 ? "failure" : "failures"}, filter by {noun}
          </span>
        </span>
        <span className="failure-bar-track" aria-hidden="true">
          <span className="failure-bar-fill" style={{ width: `${share}%` }} />
        </span>
      </button>
    </li>
  );
}
