import { useEffect, useId, useState } from "react";
import type { FilterTerm } from "../../../contract/query-grammar";

/** How long typing pauses before the name search reaches the URL (and the server). */
const debounceMs = 300;

const blockedChoices = [
  { value: "", label: "Any" },
  { value: "true", label: "Blocked" },
  { value: "false", label: "Not blocked" },
];

function termValue(terms: readonly FilterTerm[], field: string): string {
  return terms.find((term) => term.field === field)?.value ?? "";
}

function withTerm(terms: readonly FilterTerm[], field: string, value: string): FilterTerm[] {
  const others = terms.filter((term) => term.field !== field);
  return value === "" ? others : [...others, { field, value }];
}

/**
 * The containers list's filters: a name search (a draft kept locally, written to `q` as `name:<text>` once
 * typing pauses) and a blocked filter (`blocked:true|false`). `filters` are the URL's `q` terms.
 */
export function ContainerListFilters({
  filters,
  onChange,
}: {
  filters: readonly FilterTerm[];
  onChange: (filters: FilterTerm[]) => void;
}) {
  const searchId = useId();
  const blockedId = useId();
  const urlName = termValue(filters, "name");
  const [draft, setDraft] = useState(urlName);
  const [seenUrlName, setSeenUrlName] = useState(urlName);
  if (urlName !== seenUrlName) {
    // The URL changed under us (back button, a link): it wins over the draft.
    setSeenUrlName(urlName);
    setDraft(urlName);
  }

  useEffect(() => {
    const wanted = draft.trim();
    if (wanted === urlName) return;
    const timer = setTimeout(() => {
      onChange(withTerm(filters, "name", wanted));
    }, debounceMs);
    return () => {
      clearTimeout(timer);
    };
  }, [draft, urlName, filters, onChange]);

  return (
    <div className="container-filters" role="search">
      <div className="field">
        <label className="field-label" htmlFor={searchId}>
          Search by name
        </label>
        <input
          id={searchId}
          className="input"
          type="search"
          value={draft}
          placeholder="Name contains…"
          autoComplete="off"
          onChange={(event) => {
            setDraft(event.target.value);
          }}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={blockedId}>
          Blocked
        </label>
        <select
          id={blockedId}
          className="select"
          value={termValue(filters, "blocked")}
          onChange={(event) => {
            onChange(withTerm(filters, "blocked", event.target.value));
          }}
        >
          {blockedChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
