import type { Container } from "../../../contract/container";

export function isExpired(container: Container, now = Date.now()): boolean {
  return container.expires_at !== null && Date.parse(container.expires_at) <= now;
}

/** `Blocked` and `Expired` badges, or an `Active` one when neither applies. */
export function ContainerBadges({ container }: { container: Container }) {
  const expired = isExpired(container);
  if (!container.blocked && !expired) return <span className="badge badge-success">Active</span>;
  return (
    <span className="container-badges">
      {container.blocked ? <span className="badge badge-danger">Blocked</span> : null}
      {expired ? <span className="badge badge-warn">Expired</span> : null}
    </span>
  );
}
