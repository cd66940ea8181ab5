import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SyntheticEvent } from "react";
import {
  containerBlockingSchema,
  maxBlockReasonLength,
  type Container,
  type ContainerBlocking,
} from "../../../contract/container";
import { setContainerBlocked } from "../../api/container-queries";
import { errorMessage } from "../../ui/states";
import { CharacterCount, FormActions } from "../../ui/form-parts";

/**
 * The body of the block / unblock confirmation: an optional reason (checked with the contract's schema) and
 * Confirm / Cancel. The server's refusal (a 409 when someone else changed it first, a 403…) shows in its words.
 */
export function BlockContainerForm({
  orgId,
  containerId,
  blocking,
  onDone,
  onFailed,
  onCancel,
}: {
  orgId: number;
  containerId: string;
  /** Block (true) or unblock: fixed when the dialog opened, so a refreshed state cannot flip the action. */
  blocking: boolean;
  onDone: (changed: Container) => void;
  onFailed: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();

  const change = useMutation({
    mutationFn: (body: ContainerBlocking) => setContainerBlocked(orgId, containerId, body),
    onSuccess: onDone,
    onError: (failure) => {
      setError(errorMessage(failure));
      onFailed();
    },
  });

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = reason.trim();
    const parsed = containerBlockingSchema.safeParse({
      blocked: blocking,
      ...(trimmed ? { reason: trimmed } : {}),
    });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    change.mutate(parsed.data);
  }

  return (
    <form className="block-container-form" noValidate onSubmit={submit}>
      <p className="block-container-explain">
        {blocking
          ? "Nobody can open a blocked container until it is unblocked."
          : "People with access can open the container again."}{" "}
        A BLOCK event records who did it and why.
      </p>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-reason`}>
          Reason (optional)
        </label>
        <textarea
          id={`${id}-reason`}
          className="input block-container-reason"
          rows={3}
          maxLength={maxBlockReasonLength}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
          }}
          aria-describedby={`${id}-count`}
          aria-invalid={error ? true : undefined}
        />
        <CharacterCount id={`${id}-count`} length={reason.length} max={maxBlockReasonLength} />
      </div>
      <FormActions error={error} pending={change.isPending} submitLabel="Confirm" onCancel={onCancel} />
    </form>
  );
}
