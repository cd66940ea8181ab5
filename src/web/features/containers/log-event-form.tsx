import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SyntheticEvent } from "react";
import { containerEventTypes, eventStatuses } from "../../../contract/catalogue";
import {
  createdEventSchema,
  maxDescriptionLength as maxDescription,
  newContainerEventSchema,
  type CreatedEvent,
  type NewContainerEvent,
} from "../../../contract/container";
import { apiPaths } from "../../../contract/api-paths";
import { isApiError } from "../../api/api-error";
import { request } from "../../api/request";
import { errorMessage } from "../../ui/states";
import { fromLocalInputValue, toLocalInputValue } from "./local-date-time";
import { CharacterCount, FormActions } from "../../ui/form-parts";

/** The body fields the form offers; a failure's `reason` and `client_ip` are for machines that log accesses. */
const fields = [
  "event_type",
  "status",
  "timestamp",
  "description",
] as const satisfies readonly (keyof NewContainerEvent)[];
type Field = (typeof fields)[number];
type Values = Record<Field, string>;
type FieldErrors = Partial<Record<Field, string>>;

const isField = (name: unknown): name is Field => fields.includes(name as Field);

/** Checks the form with the contract's schema; errors are keyed by the body field they concern. */
function validate(values: Values): { body: NewContainerEvent } | { errors: FieldErrors } {
  const timestamp = fromLocalInputValue(values.timestamp);
  if (timestamp === undefined) return { errors: { timestamp: "Enter a date and time." } };
  const description = values.description.trim();
  const parsed = newContainerEventSchema.safeParse({
    event_type: values.event_type,
    status: values.status,
    timestamp,
    ...(description ? { description } : {}),
  });
  if (parsed.success) return { body: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (isField(field)) errors[field] ??= issue.message;
  }
  return { errors };
}

/**
 * The body of the `Log event` drawer: type, status, time (the viewer's wall clock, sent as UTC) and an optional
 * description, checked with the contract's schema before the POST; the server's 400 lands on the field it names.
 */
export function LogEventForm({
  orgId,
  containerId,
  onLogged,
  onCancel,
}: {
  orgId: number;
  containerId: string;
  onLogged: (created: CreatedEvent) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [values, setValues] = useState<Values>(() => ({
    event_type: "ACCESS",
    status: "SUCCESS",
    timestamp: toLocalInputValue(Date.now()),
    description: "",
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();

  const log = useMutation({
    mutationFn: async (body: NewContainerEvent) =>
      (
        await request(apiPaths.containerEventList(orgId, containerId), {
          method: "POST",
          body,
          schema: createdEventSchema,
        })
      ).data,
    onSuccess: onLogged,
    onError: (error) => {
      if (isApiError(error, "bad_request") && isField(error.param)) {
        setErrors({ [error.param]: error.message });
      } else {
        setFormError(errorMessage(error));
      }
    },
  });

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const result = validate(values);
    if ("errors" in result) {
      setErrors(result.errors);
      const first = fields.find((field) => result.errors[field]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setErrors({});
    log.mutate(result.body);
  }

  const set = (field: Field) => (event: { target: { value: string } }) => {
    setValues((old) => ({ ...old, [field]: event.target.value }));
  };
  const control = (field: Field) => ({
    id: `${id}-${field}`,
    name: field,
    value: values[field],
    onChange: set(field),
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": errors[field] ? `${id}-${field}-error` : undefined,
  });
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form className="log-event-form" noValidate onSubmit={submit}>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-event_type`}>
          Event type
        </label>
        <select className="select" {...control("event_type")}>
          {containerEventTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
        {fieldError("event_type")}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-status`}>
          Status
        </label>
        <select className="select" {...control("status")}>
          {eventStatuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
        {fieldError("status")}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-timestamp`}>
          Timestamp
        </label>
        <input className="input" type="datetime-local" step={1} required {...control("timestamp")} />
        <p className="field-hint">Your local time; at most five minutes ahead.</p>
        {fieldError("timestamp")}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-description`}>
          Description (optional)
        </label>
        {/* No maxLength: pasted text is never cut silently; the counter and the check say when it is too long. */}
        <textarea
          className="input log-event-description"
          rows={3}
          {...control("description")}
          aria-describedby={[`${id}-description-count`, errors.description ? `${id}-description-error` : ""]
            .join(" ")
            .trim()}
        />
        <CharacterCount
          id={`${id}-description-count`}
          length={values.description.trim().length}
          max={maxDescription}
        />
        {fieldError("description")}
      </div>
      <FormActions error={formError} pending={log.isPending} submitLabel="Save event" onCancel={onCancel} />
    </form>
  );
}
