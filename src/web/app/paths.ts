/** The dashboard's own URLs, so links and redirects are written in one place. */
export const paths = {
  login: (next?: string) => (next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login"),
  events: (orgId: number) => `/orgs/${orgId}/events`,
  containers: (orgId: number) => `/orgs/${orgId}/containers`,
  container: (orgId: number, containerId: string) =>
    `/orgs/${orgId}/containers/${encodeURIComponent(containerId)}`,
  /** The container's timeline around one of its events, with its neighbours. */
  containerAt: (orgId: number, containerId: string, eventId: number) =>
    `/orgs/${orgId}/containers/${encodeURIComponent(containerId)}?at=${String(eventId)}`,
  failures: (orgId: number) => `/orgs/${orgId}/failures`,
};
