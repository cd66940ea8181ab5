/**
 * The lookup tables an event's names come from, joined to `events e` under the aliases both backends'
 * column lists read (t, src, sev, o, u, ep, s, i). LEFT JOINs keep `events` the outer loop, so a planner
 * never reorders the lookups ahead of it.
 */
export const lookupJoins =
  " LEFT JOIN event_types t ON t.id = e.type_id" +
  " LEFT JOIN event_sources src ON src.id = e.source_id" +
  " LEFT JOIN event_severities sev ON sev.id = e.severity_id" +
  " LEFT JOIN organisations o ON o.id = e.organisation_id" +
  " LEFT JOIN users u ON u.id = e.user_id" +
  " LEFT JOIN endpoints ep ON ep.id = e.endpoint_id" +
  " LEFT JOIN sims s ON s.id = e.sim_id" +
  " LEFT JOIN imsis i ON i.id = e.imsi_id";
