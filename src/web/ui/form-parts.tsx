import { formatCount } from "./formats";

/** "123 / 2,000 characters" under a text field, in red once over: a limit that never cuts what was pasted. */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  return (
    <p id={id} className={`field-hint character-count${length > max ? " field-hint-over" : ""}`}>
      {formatCount(length)} / {formatCount(max)} characters
    </p>
  );
}

/** A form's end: the error the server gave for the form as a whole, then Submit (Saving… while pending) and Cancel. */
export function FormActions({
  error,
  pending,
  submitLabel,
  onCancel,
}: {
  error: string | undefined;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
