import { useEffect, useId, useRef, useState, type SyntheticEvent } from "react";
import { isApiError } from "../../api/api-error";
import { errorMessage } from "../../ui/states";
import { FormActions } from "../../ui/form-parts";

export type SavedViewFields = { name: string; shared: boolean };

/**
 * A view's name and whether it is shared with its organisation. The server checks both: its 400 or 409 on
 * `name` shows under the field in its own words, anything else above the buttons.
 */
export function SavedViewForm({
  initial,
  organisationName,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: SavedViewFields;
  organisationName: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (fields: SavedViewFields) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [fields, setFields] = useState(initial);
  const nameError = isApiError(error) && error.param === "name" ? error.message : undefined;
  const formError = error && !nameError ? errorMessage(error) : undefined;

  useEffect(() => {
    if (nameError) nameRef.current?.focus();
  }, [nameError]);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(fields);
  }

  return (
    <form className="saved-view-form" noValidate onSubmit={submit}>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-name`}>
          Name
        </label>
        <input
          ref={nameRef}
          id={`${id}-name`}
          className="input"
          name="name"
          autoComplete="off"
          data-autofocus
          value={fields.name}
          onChange={(event) => {
            setFields((old) => ({ ...old, name: event.target.value }));
          }}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
        />
        {nameError ? (
          <p id={`${id}-name-error`} className="field-error">
            {nameError}
          </p>
        ) : null}
      </div>
      <label className="saved-view-share">
        <input
          type="checkbox"
          name="shared"
          checked={fields.shared}
          onChange={(event) => {
            setFields((old) => ({ ...old, shared: event.target.checked }));
          }}
        />
        Share with {organisationName}
      </label>
      <p className="field-hint">Shared views are listed for everyone who can read {organisationName}.</p>
      <FormActions error={formError} pending={pending} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
