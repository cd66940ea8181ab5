import { useQuery } from "@tanstack/react-query";
import { containerQueries } from "../../api/container-queries";
import { BlockContainerButton } from "../containers/block-container-button";

/**
 * Under Top containers once one is picked (admins only): whether it is blocked, and the Block / Unblock control
 * of its timeline page, so the container behind a burst of failures is stopped where it was found.
 */
export function PickedContainerBlock({ orgId, containerId }: { orgId: number; containerId: string }) {
  const container = useQuery({ ...containerQueries.detail(orgId, containerId), throwOnError: false });
  if (!container.data) return null;
  return (
    <div className="picked-container">
      <span className="picked-container-state">
        <strong>{container.data.name}</strong> {container.data.blocked ? "is blocked" : "is not blocked"}
      </span>
      <BlockContainerButton orgId={orgId} container={container.data} compact />
    </div>
  );
}
