/**
 * The typed query bar above the chips: `severity:2 reason:link_expired user:sam`, the chips' grammar and the
 * URL's `q`. It completes field names, and values with their counts for the fields the facets endpoint knows
 * (scoped to the other filters), checks the text with the contract's parser before applying it (its message
 * shown under the bar), and takes focus on `/` from anywhere on the page that is not a text field.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent } from "react";
import type { ContainerEventView } from "../../../contract/api-paths";
import { facetFields, type FacetField } from "../../../contract/facets";
import { eventFilterFieldNames, eventFilterFields } from "../../../contract/filter-fields";
import { parseFilter } from "../../../contract/parse-filter";
import { formatQuery, type FilterTerm } from "../../../contract/query-grammar";
import { eventQueries } from "../../api/event-queries";
import type { FilterFieldConfig } from "../../ui/filter-field-config";
import { formatCount } from "../../ui/formats";
import {
  applyCompletion,
  completionAt,
  queryFromText,
  termSeparator,
  termText,
  termsFromText,
  textFromTerms,
  type Completion,
} from "./query-text";
import { useDebounced } from "../../ui/use-debounced";
import "./query-bar.css";
import { isTyping } from "../../ui/is-typing";

const fieldNames = new Set<string>(eventFilterFieldNames);

type Suggestion = { key: string; insert: string; label: string; detail?: string; count?: number };

type Props = {
  orgId: number;
  /** The facets endpoint's view for the list, and the terms that narrow it further (one container's). */
  facetView: "all" | ContainerEventView;
  scopeTerms: readonly FilterTerm[];
  terms: readonly FilterTerm[];
  onChange: (terms: FilterTerm[]) => void;
  fields: readonly FilterFieldConfig[];
};

function isFacetField(field: string): field is FacetField {
  return (facetFields as readonly string[]).includes(field);
}

export function QueryBar({ orgId, facetView, scopeTerms, terms, onChange, fields }: Props) {
  const applied = textFromTerms(terms, fieldNames);
  const [shown, setShown] = useState(applied);
  const [text, setText] = useState(applied);
  const [caret, setCaret] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string>();
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  if (shown !== applied) {
    setShown(applied);
    setText(applied);
    setError(undefined);
  }

  const completion: Completion | undefined = open ? completionAt(text, caret, fieldNames) : undefined;
  const valueField =
    completion?.kind === "value" && isFacetField(completion.field) ? completion.field : undefined;
  const prefix = useDebounced(completion?.kind === "value" ? completion.typed : "", 150);
  const scopeQuery = formatQuery([...scopeTerms, ...terms.filter((term) => term.field !== valueField)]);
  const values = useQuery({
    ...eventQueries.facetValues(orgId, facetView, scopeQuery || undefined, valueField ?? "type", prefix),
    enabled: valueField !== undefined,
  });

  const suggestions = suggestionsFor(completion, fields, valueField ? values.data : undefined, text);
  const listOpen = open && suggestions.length > 0;
  const activeSuggestion = listOpen ? suggestions[active] : undefined;

  const focusOnSlash = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    event.preventDefault();
    inputRef.current?.focus();
  });
  useEffect(() => {
    document.addEventListener("keydown", focusOnSlash);
    return () => {
      document.removeEventListener("keydown", focusOnSlash);
    };
  }, []);

  function edit(next: string, nextCaret: number) {
    setText(next);
    setCaret(nextCaret);
    setActive(-1);
    setOpen(true);
    setError(undefined);
  }

  function pick(suggestion: Suggestion) {
    if (!completion) return;
    const next = applyCompletion(text, completion, suggestion.insert);
    edit(next.text, next.caret);
    requestAnimationFrame(() => {
      inputRef.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  function apply() {
    const parsed = termsFromText(text, fieldNames);
    const checked = parsed.ok ? parseFilter(queryFromText(text, fieldNames), eventFilterFields) : parsed;
    if (!parsed.ok || !checked.ok) {
      setError((checked.ok ? "" : checked.message).replace(/^q:\s*/, ""));
      return;
    }
    setOpen(false);
    setError(undefined);
    onChange(parsed.value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (suggestions.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      const states = suggestions.length + 1;
      setActive((current) => ((current + 1 + step + states) % states) - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (activeSuggestion) pick(activeSuggestion);
      else apply();
    } else if (event.key === "Escape") {
      if (listOpen) {
        setOpen(false);
      } else {
        setText(applied);
        setError(undefined);
      }
    }
  }

  const errorId = `${ids}-error`;
  const listId = `${ids}-list`;
  return (
    <form
      className="query-bar"
      role="search"
      aria-label="Query"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label className="visually-hidden" htmlFor={`${ids}-input`}>
        Query (press / to focus)
      </label>
      <div className="query-bar-field">
        <input
          ref={inputRef}
          id={`${ids}-input`}
          className="input query-bar-input"
          role="combobox"
          aria-expanded={listOpen}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeSuggestion ? `${ids}-${String(active)}` : undefined}
          aria-invalid={error !== undefined || undefined}
          aria-describedby={error !== undefined ? errorId : undefined}
          aria-keyshortcuts="/"
          autoComplete="off"
          spellCheck={false}
          placeholder="severity:2 reason:link_expired user:sam   (press / to type a query)"
          value={text}
          onChange={(event) => {
            edit(event.target.value, event.target.selectionStart ?? event.target.value.length);
          }}
          onSelect={(event) => {
            setCaret(event.currentTarget.selectionStart ?? 0);
          }}
          onFocus={() => {
            setOpen(true);
          }}
          onBlur={() => {
            setOpen(false);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label="Suggestions" className="query-bar-list" hidden={!listOpen}>
          {listOpen
            ? suggestions.map((suggestion, index) => (
                <li
                  key={suggestion.key}
                  id={`${ids}-${String(index)}`}
                  role="option"
                  aria-selected={index === active}
                  className="query-bar-option"
                  onPointerDown={(event) => {
                    event.preventDefault();
                  }}
                  onClick={() => {
                    pick(suggestion);
                  }}
                >
                  <span className="query-bar-option-label">{suggestion.label}</span>
                  {suggestion.detail ? (
                    <span className="query-bar-option-detail">{suggestion.detail}</span>
                  ) : null}
                  {suggestion.count !== undefined ? (
                    <span className="query-bar-option-count">{formatCount(suggestion.count)}</span>
                  ) : null}
                </li>
              ))
            : null}
        </ul>
      </div>
      <button type="submit" className="button button-small">
        Apply
      </button>
      {error !== undefined ? (
        <p id={errorId} className="query-bar-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** Field names for a word being typed; values of the field (with counts) inside a term. */
function suggestionsFor(
  completion: Completion | undefined,
  fields: readonly FilterFieldConfig[],
  values: readonly { value: string; label: string; count: number }[] | undefined,
  text: string,
): Suggestion[] {
  if (!completion) return [];
  if (completion.kind === "field") {
    const typed = completion.typed.toLowerCase();
    return fields
      .filter(({ field, label }) => field.startsWith(typed) || label.toLowerCase().startsWith(typed))
      .filter(({ field }) => field !== completion.typed)
      .map(({ field, label }) => ({ key: field, insert: `${field}:`, label: `${field}:`, detail: label }));
  }
  const separator = termSeparator(text);
  return (values ?? [])
    .filter(({ value }) => value !== "")
    .map(({ value, label, count }) => ({
      key: value,
      insert: `${termText(completion.field, value)}${separator}`,
      label,
      ...(label === value ? {} : { detail: value }),
      count,
    }));
}
