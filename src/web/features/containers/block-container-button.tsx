import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Container } from "../../../contract/container";
import { containerQueries } from "../../api/container-queries";
import { eventQueries } from "../../api/event-queries";
import { Drawer } from "../../ui/drawer";
import { showToast } from "../../ui/toast";
import { BlockContainerForm } from "./block-container-form";

/**
 * `Block container` / `Unblock container` (`compact`: `Block` / `Unblock`, named with the container for a list
 * of them) and its confirmation dialog (admins only: the page decides). Once
 * it is done the container's facts and lists, and every event list with the new BLOCK event, are refetched;
 * after a refusal the container is refetched, since someone else may have changed it.
 */
export function BlockContainerButton({
  orgId,
  container,
  onChanged,
  compact = false,
}: {
  orgId: number;
  container: Container;
  onChanged?: () => void;
  compact?: boolean;
}) {
  const queryClient = useQueryClient();
  const [blocking, setBlocking] = useState<boolean>();
  const close = () => {
    setBlocking(undefined);
  };
  const refreshContainer = () =>
    void queryClient.invalidateQueries({ queryKey: containerQueries.all(orgId) });

  function done(changed: Container) {
    queryClient.setQueryData(containerQueries.detail(orgId, changed.id).queryKey, changed);
    refreshContainer();
    void queryClient.invalidateQueries({ queryKey: eventQueries.all(orgId) });
    showToast(`${changed.name} ${changed.blocked ? "blocked" : "unblocked"}.`);
    close();
    onChanged?.();
  }

  const verb = container.blocked ? "Unblock" : "Block";
  return (
    <>
      <button
        type="button"
        className={compact ? "button button-small" : "button"}
        aria-label={compact ? `${verb} ${container.name}` : undefined}
        onClick={() => {
          setBlocking(!container.blocked);
        }}
      >
        {compact ? verb : `${verb} container`}
      </button>
      <Drawer
        open={blocking !== undefined}
        onClose={close}
        placement="centre"
        title={`${blocking === false ? "Unblock" : "Block"} ${container.name}?`}
      >
        {blocking !== undefined ? (
          <BlockContainerForm
            orgId={orgId}
            containerId={container.id}
            blocking={blocking}
            onDone={done}
            onFailed={refreshContainer}
            onCancel={close}
          />
        ) : null}
      </Drawer>
    </>
  );
}
