import { csvColumns } from "../../../contract/csv";
import { defaultHistogramDays } from "../../../contract/histogram";
import { errors, listResponseHeaders, ref } from "./components";

const json = (schema: unknown) => ({ "application/json": { schema } });
const arrayOf = (name: string) => ({ type: "array", items: ref("schemas", name) });
const listParams = [ref("parameters", "Page"), ref("parameters", "PerPage")];

const csvDescription = `With \`Accept: text/csv\`: every matching row in the requested order (page and per_page ignored), streamed, header row first, columns ${csvColumns.join(",")}. Cells: types, sources and severities as descriptions, organisation by name, user by username, endpoint by name, container by id, reason and client_ip as stored, null as empty; RFC 4180 quoting; text starting with = + - @ tab CR LF is prefixed with '. \`x-total-count\` comes with it for progress. Not gzip-compressed. The export holds exactly the events that match when the request is answered (\`x-total-count\` of them, in the requested order) however long the client takes to read it; events written meanwhile are left out and appear in the next export. If the client takes nothing for \`EVENTDESK_EXPORT_SEND_TIMEOUT\` seconds (30 by default) between two chunks, the server ends the export and closes the connection before the body is complete: a body that ends early is a failed download, never a shorter file.`;

function eventList(summary: string, description: string, pathParams: unknown[], tag: string) {
  return {
    get: {
      tags: [tag],
      summary,
      description: `${description}\n\n${csvDescription}`,
      parameters: [
        ...pathParams,
        ...listParams,
        ref("parameters", "EventSort"),
        ref("parameters", "EventQuery"),
        ref("parameters", "Bom"),
      ],
      responses: {
        200: {
          description: "A page of events (JSON) or every matching event (CSV).",
          headers: { ...listResponseHeaders, "Content-Disposition": ref("headers", "ContentDisposition") },
          content: {
            ...json(arrayOf("Event")),
            "text/csv": { schema: { type: "string" } },
          },
        },
        ...errors("bad_request", "unauthorized", "not_found", "not_acceptable", "internal", "unavailable"),
      },
    },
  };
}

/** What a request that writes events may answer besides success. */
const writeErrors = errors(
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "not_acceptable",
  "payload_too_large",
  "unsupported_media_type",
  "unavailable",
);

const org = ref("parameters", "OrgId");
const container = ref("parameters", "ContainerId");

const containerViews = {
  by_access: "Container events of type ACCESS (both statuses).",
  by_block: "Container events of type BLOCK.",
  by_create: "Container events of type CREATE.",
  by_expire: "Container events of type EXPIRE.",
  by_fail: "Container events whose status is FAILURE: failed access attempts.",
};

export const paths = {
  "/healthz": {
    get: {
      tags: ["service"],
      summary: "Liveness",
      security: [],
      responses: {
        200: {
          description: "The server is up.",
          content: json({ type: "object", properties: { status: { const: "ok" } }, required: ["status"] }),
        },
      },
    },
  },
  "/api/v1/openapi.json": {
    get: {
      tags: ["service"],
      summary: "This document",
      security: [],
      responses: { 200: { description: "OpenAPI 3.1", content: json({ type: "object" }) } },
    },
  },
  "/api/v1/authenticate": {
    post: {
      tags: ["auth"],
      summary: "Sign in, or refresh an auth token",
      description:
        "With `{username, password}`: a new auth token and refresh token. With `{refresh_token}`: a fresh auth token; the refresh token stays. Five failures for one username within five minutes lock it for five minutes from the locking failure: 429 with `Retry-After`, even for the right password; a success before the lock clears the count. Thirty failures from one client address within five minutes slow that address down without locking anyone out: its further attempts, for usernames that have not signed in from it within 30 days, start one per second, and when five already wait the answer is 429 with `Retry-After`. The client address is the peer's, or behind the proxies named in `EVENTDESK_TRUSTED_PROXIES` the nearest untrusted address of `X-Forwarded-For`; IPv6 clients count per /64. A refresh token is never held back by these limits. The body must be sent as `application/json` (415 otherwise), so other sites' pages cannot post forms here.\n\n**Cookie sessions** (an EventDesk extension for browser dashboards; the JSON tokens above stay for scripts): with the header `X-EventDesk-Session: cookie`, a password sign-in answers `{auth_token}` only and sets the refresh token as the cookie `eventdesk_refresh` (HttpOnly, SameSite=Strict, Path=/api/v1/authenticate, Secure over HTTPS, Max-Age = `EVENTDESK_REFRESH_TTL`), which no script can read and every tab of the browser shares; the body `{}` with that header then answers a fresh `{auth_token}` from the cookie (401 without one, and a refused cookie is cleared).",
      security: [],
      parameters: [
        {
          name: "X-EventDesk-Session",
          in: "header",
          required: false,
          description: "`cookie`: a cookie session (see above).",
          schema: { const: "cookie" },
        },
      ],
      requestBody: {
        required: true,
        content: json({
          oneOf: [
            ref("schemas", "PasswordLogin"),
            ref("schemas", "RefreshLogin"),
            {
              type: "object",
              additionalProperties: false,
              description: "With `X-EventDesk-Session: cookie`: refresh from the session cookie.",
            },
          ],
        }),
      },
      responses: {
        200: {
          description: "Signed in.",
          content: json({ oneOf: [ref("schemas", "Tokens"), ref("schemas", "RefreshedToken")] }),
        },
        ...errors(
          "bad_request",
          "unauthorized",
          "not_acceptable",
          "payload_too_large",
          "unsupported_media_type",
          "too_many_requests",
          "unavailable",
        ),
      },
    },
    delete: {
      tags: ["auth"],
      summary: "Sign out",
      description:
        "Ends the session: the refresh token and every auth token issued from it stop working at once, for good (a session is kept as a row that a token needs, so nothing swept or restored can bring it back). Signing out twice is not an error. Needs no Authorization header: the refresh token is the proof. An invalid or expired refresh token answers 401. When the store cannot write (a full or read-only disk), the answer is 503 with `Retry-After`: this server already refuses the session, and the sign-out is saved as soon as the store can write; retry until 204. With `X-EventDesk-Session: cookie` and the body `{}`: ends the session of the `eventdesk_refresh` cookie and clears the cookie (204 also without one).",
      security: [],
      parameters: [
        {
          name: "X-EventDesk-Session",
          in: "header",
          required: false,
          description: "`cookie`: sign out the cookie session.",
          schema: { const: "cookie" },
        },
      ],
      requestBody: {
        required: true,
        content: json({
          oneOf: [
            ref("schemas", "RefreshLogin"),
            {
              type: "object",
              additionalProperties: false,
              description: "With `X-EventDesk-Session: cookie`.",
            },
          ],
        }),
      },
      responses: {
        204: { description: "Signed out." },
        ...errors(
          "bad_request",
          "unauthorized",
          "payload_too_large",
          "unsupported_media_type",
          "unavailable",
        ),
      },
    },
  },
  "/api/v1/me": {
    get: {
      tags: ["auth"],
      summary: "The caller and the organisations it may read",
      responses: {
        200: { description: "The caller.", content: json(ref("schemas", "Me")) },
        ...errors("unauthorized"),
      },
    },
  },
  "/api/v1/event_types": {
    get: {
      tags: ["events"],
      summary: "Every event type, source and severity",
      responses: {
        200: { description: "The catalogue.", content: json(ref("schemas", "EventTypes")) },
        ...errors("unauthorized"),
      },
    },
  },
  "/api/v1/organisation/{org_id}/event": eventList(
    "Events of an organisation (seed 2)",
    "Every event of the organisation and its descendants.",
    [ref("parameters", "OrgIdOrMy")],
    "events",
  ),
  "/api/v1/orgs/{org_id}/events": eventList(
    "Events of an organisation (seed 1)",
    "The same rows as `/organisation/{org_id}/event`, but an organisation out of reach answers 404.",
    [org],
    "events",
  ),
  "/api/v1/orgs/{org_id}/events/histogram": {
    get: {
      tags: ["events"],
      summary: "Events over time",
      description: `How many events of the view match \`q\` in each bucket of the interval, over \`q\`'s \`from\`/\`until\` when it gives them, else the ${String(defaultHistogramDays)} days ending now. Buckets are aligned to UTC multiples of the interval (the first starts at or before \`from\`), every bucket is present (zeros too), in time order; \`from\` and \`until\` answer the range counted. Only events inside the range are counted, so with \`from\`/\`until\` in \`q\` the counts add up to the list's \`x-total-count\` for the same view and \`q\`. \`sort\`, \`page\` and \`per_page\` are not read.`,
      parameters: [
        org,
        ref("parameters", "View"),
        ref("parameters", "EventQuery"),
        ref("parameters", "HistogramInterval"),
      ],
      responses: {
        200: { description: "The buckets.", content: json(ref("schemas", "Histogram")) },
        ...errors("bad_request", "unauthorized", "not_found", "not_acceptable", "unavailable"),
      },
    },
  },
  "/api/v1/orgs/{org_id}/events/stream": {
    get: {
      tags: ["events"],
      summary: "Live events (server-sent events)",
      description:
        "With `Accept: text/event-stream`: every event stored after the stream opened that the list of the same view and `q` would hold, in id order, each as `id: <event id>`, `event: event`, `data: <the event as in the lists>` and a blank line, within a second of its write being answered (whichever server sharing the database took it). A comment line `: keep-alive` comes first and at least every 15 seconds. `Last-Event-ID` resumes: first every matching event with a larger id, in id order, then live; across a resume no matching event is skipped or sent twice. `sort`, `page` and `per_page` are not read; a bad `view`, `q` or `Last-Event-ID` answers 400 before the stream starts. The stream ends when the auth token expires (resume with a fresh token and `Last-Event-ID`), and when the server stops. Each user may have `EVENTDESK_STREAMS_PER_USER` streams open (20 by default); one more answers 429 with `Retry-After`. Never compressed.",
      parameters: [
        org,
        ref("parameters", "View"),
        ref("parameters", "EventQuery"),
        {
          name: "Last-Event-ID",
          in: "header",
          required: false,
          description:
            "The id of the last event received: the stream sends the matching events after it first.",
          schema: { type: "string", pattern: "^[0-9]+$" },
        },
      ],
      responses: {
        200: {
          description:
            "The stream of events, until the token expires, the client leaves or the server stops.",
          content: { "text/event-stream": { schema: { type: "string" } } },
        },
        ...errors(
          "bad_request",
          "unauthorized",
          "not_found",
          "not_acceptable",
          "too_many_requests",
          "unavailable",
        ),
      },
    },
  },
  "/api/v1/orgs/{org_id}/events/facets": {
    get: {
      tags: ["events"],
      summary: "Top values with exact counts",
      description:
        "For each field, the values the events of the view matching `q` hold, with how many hold each: count descending, then value ascending (numerically for ids: `type`, `source`, `severity`, `organisation`, `user`, `endpoint`; by character code otherwise), the null value (`\"\"`, label `—`) first among equals. Values are ids as text with their readable label (user: username; alert: `true`/`false`, `Alert`/`No alert`; ip_address: the endpoint's address). `total` is the list's `x-total-count` for the same view and `q`. Exact: every matching event is counted.",
      parameters: [
        org,
        ref("parameters", "View"),
        ref("parameters", "EventQuery"),
        ref("parameters", "FacetFields"),
        ref("parameters", "FacetLimit"),
        ref("parameters", "FacetPrefix"),
      ],
      responses: {
        200: { description: "The facets.", content: json(ref("schemas", "Facets")) },
        ...errors("bad_request", "unauthorized", "not_found", "not_acceptable", "unavailable"),
      },
    },
  },
  "/api/v1/orgs/{org_id}/events/{event_id}": {
    get: {
      tags: ["events"],
      summary: "One event",
      description:
        "One event of the organisation's reach, as the lists show it: for a permalink to an event that is not on the page at hand. The same 404 whether the event does not exist or is outside the reach.",
      parameters: [org, ref("parameters", "EventId")],
      responses: {
        200: { description: "The event.", content: json(ref("schemas", "Event")) },
        ...errors("bad_request", "unauthorized", "not_found", "not_acceptable", "unavailable"),
      },
    },
  },
  ...Object.fromEntries(
    Object.entries(containerViews).map(([view, description]) => [
      `/api/v1/orgs/{org_id}/container_events/${view}`,
      eventList(`Container events ${view}`, description, [org], "containers"),
    ]),
  ),
  "/api/v1/orgs/{org_id}/container_events": {
    post: {
      tags: ["containers"],
      summary: "Log many container events at once",
      description:
        "1 to 1,000 events, each under the rules of the single POST, on containers of the organisation's reach (another organisation's container, or none by that id, is a 400 naming `events[<index>].container_id`). All or nothing: the first bad item answers 400 with `param` `events[<index>].<field>` and nothing is stored. Answers the new ids in the order given; durable when answered. The body may be up to 4 MB. Admins only.",
      parameters: [org],
      requestBody: { required: true, content: json(ref("schemas", "NewContainerEventBatch")) },
      responses: {
        201: { description: "Logged, every one.", content: json(ref("schemas", "CreatedEvents")) },
        ...writeErrors,
      },
    },
  },
  "/api/v1/orgs/{org_id}/containers": {
    get: {
      tags: ["containers"],
      summary: "Containers of an organisation and its descendants",
      description: "JSON only: `Accept: text/csv` answers 406.",
      parameters: [
        org,
        ...listParams,
        ref("parameters", "ContainerSort"),
        ref("parameters", "ContainerQuery"),
      ],
      responses: {
        200: {
          description: "A page of containers.",
          headers: listResponseHeaders,
          content: json(arrayOf("Container")),
        },
        ...errors("bad_request", "unauthorized", "not_found", "not_acceptable"),
      },
    },
  },
  "/api/v1/orgs/{org_id}/containers/{container_id}": {
    get: {
      tags: ["containers"],
      summary: "One container",
      parameters: [org, container],
      responses: {
        200: { description: "The container.", content: json(ref("schemas", "Container")) },
        ...errors("bad_request", "unauthorized", "not_found", "not_acceptable"),
      },
    },
    patch: {
      tags: ["containers"],
      summary: "Block or unblock a container",
      description:
        "Sets `blocked` and, in the same transaction, stores a container event of type `BLOCK`, status `SUCCESS`, source `API`, severity `Info`, the caller as user, whose description names who blocked or unblocked it (name and username) and the optional `reason` (at most 500 characters; it goes in the description, the event's `reason` field stays null). The event is listed in `by_block`, in the container's events and sent on live streams. Asking for the state the container already has answers 409 `conflict` and stores nothing; of concurrent requests for the same state exactly one succeeds. Admins only.",
      parameters: [org, container],
      requestBody: { required: true, content: json(ref("schemas", "ContainerBlocking")) },
      responses: {
        200: { description: "The container, as it now is.", content: json(ref("schemas", "Container")) },
        ...writeErrors,
        ...errors("conflict"),
      },
    },
  },
  "/api/v1/orgs/{org_id}/containers/{container_id}/events": {
    ...eventList("Events of one container", "Every event of the container.", [org, container], "containers"),
    post: {
      tags: ["containers"],
      summary: "Log a container event",
      description:
        'The event may also be wrapped as `{"event": {...}}`. Source `API`, severity `Info` for SUCCESS and `Warn` for FAILURE, the caller as user; without a description one is made from type, status and container. Blocked or expired containers accept events. Optional `reason` (why an access failed: at most 64 characters of `a-z`, `0-9`, `_`, such as `wrong_password`, `link_expired`, `not_authorised`, `container_blocked`, `container_expired`, `device_not_trusted`, `geo_blocked`) and `client_ip` (the address the attempt came from, IPv4 or IPv6, stored with IPv6 hex digits in lower case); absent or null, the event answers them as null. A bad one is a 400 naming it. Durable when answered. Admins only.',
      parameters: [org, container],
      requestBody: { required: true, content: json(ref("schemas", "NewContainerEvent")) },
      responses: {
        201: { description: "Logged.", content: json(ref("schemas", "CreatedEvent")) },
        ...writeErrors,
      },
    },
  },
};
