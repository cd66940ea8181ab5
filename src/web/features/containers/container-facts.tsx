import type { Container } from "../../../contract/container";
import { Timestamp } from "../../ui/timestamp";
import { ContainerBadges } from "./container-badges";

/** What is known about a container, as a row of labelled facts under the page title. */
export function ContainerFacts({ container }: { container: Container }) {
  return (
    <dl className="container-facts">
      <div>
        <dt>ID</dt>
        <dd className="mono">{container.id}</dd>
      </div>
      <div>
        <dt>Organisation</dt>
        <dd>{container.organisation.name}</dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>
          <Timestamp value={container.created_at} />
        </dd>
      </div>
      <div>
        <dt>Expires</dt>
        <dd>{container.expires_at ? <Timestamp value={container.expires_at} /> : "Never"}</dd>
      </div>
      <div>
        <dt>State</dt>
        <dd>
          <ContainerBadges container={container} />
        </dd>
      </div>
    </dl>
  );
}
