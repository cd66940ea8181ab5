import { components } from "./components";
import { paths } from "./paths";
import { savedViewPaths } from "./saved-view-paths";

const readings = `The API of /work/shared/CONTRACT.md (seeds: container events, and list events of an organisation). Where the contract leaves a choice, this server reads it so:

- **Precedence**: 401 (no valid token) → 400 malformed path segment → 404 organisation/container not visible → 403 role → 406 Accept → 400 parameters/body (413 for a body over 64 KB, 415 for one not sent as \`application/json\`) → the answer.
- **Bodies** are JSON only: \`Content-Type: application/json\` (parameters such as \`charset=utf-8\` allowed), else 415 \`unsupported_media_type\` (an error code this server adds to the contract's list), so other sites' pages cannot post forms or text to the API.
- **Reach**: an organisation reads itself and all its descendants; \`/orgs/1/containers/{a container of org 2}\` answers 200.
- **Empty parameters**: \`q=\`, \`sort=\`, \`page=\`, \`per_page=\` count as absent. \`page\`, \`per_page\`, \`sort\`, \`q\` or \`bom\` given twice answer 400.
- **Dates**: \`from\`/\`until\` take ISO 8601 date-times with \`Z\` or an offset; \`timestamp:<date-time>\` selects the UTC day containing that instant, \`timestamp:YYYY-MM-DD\` that UTC day.
- **Echo headers** \`x-filter\`/\`x-sort\`: the grammar's \`format\` of what was given, with every character outside printable ASCII, \`%\` itself and a leading/trailing space percent-encoded (UTF-8), so \`decodeURIComponent\` restores the text.
- **Content negotiation**: lists answer \`application/json\` (default, also for \`*/*\` or no Accept) or \`text/csv\`; containers, /me and the others JSON only. An Accept allowing none of them answers 406 with a JSON error body.
- **CSV**: \`?bom=1\` prefixes a UTF-8 byte order mark. File name \`eventdesk-<organisation>-<view>[-<from day>-<until day>].csv\`.
- **Tokens**: HS256 JWTs; auth tokens live \`EVENTDESK_TOKEN_TTL\` seconds (default 3600), refresh tokens \`EVENTDESK_REFRESH_TTL\` (default 7 days). Every token names its session; signing out ends the session, its refresh token and every auth token issued from it, at once and for good. An auth token never outlives its session's refresh token.
- **Sign-in limits**: five failures for one username in five minutes lock it for five minutes from the failure that locked it (429 with \`Retry-After\` in seconds). A client address is never locked: past thirty failures in five minutes its attempts for usernames new to it are slowed to one a second (429 with \`Retry-After\` when five wait). Refresh tokens are never limited. Behind proxies listed in \`EVENTDESK_TRUSTED_PROXIES\` the client address comes from \`X-Forwarded-For\`.
- **NUL**: a logged event's \`description\` may not contain U+0000 (400 naming \`description\`), on every backend alike, since PostgreSQL text cannot hold it; a filter value holding NUL matches nothing.
- **Backends**: SQLite by default, PostgreSQL with \`EVENTDESK_DATABASE_URL\`; the answers, including CSV bytes, are the same. Several servers on one PostgreSQL database see each other's writes at once (lists, counts, CSV) and share sessions, sign-out, the sign-in lock and the signing key.
- **Unknown routes** under /api/v1 answer 404 with the error body (401 first when no valid token is sent).
- Every answer carries a Content-Security-Policy and X-Content-Type-Options, X-Frame-Options, Referrer-Policy; API answers carry \`Cache-Control: no-store\`. JSON over 1 KB is gzip-compressed when the client accepts it.`;

/** The OpenAPI 3.1 document, built from the contract's zod schemas. */
export function openApiDocument(serverUrl = "/") {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: { title: "EventDesk API", version: "1.0.0", description: readings },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    tags: [
      { name: "auth", description: "Signing in and out" },
      { name: "events", description: "Event lists of an organisation" },
      { name: "containers", description: "Containers and their events" },
      { name: "views", description: "Saved views: named dashboard URLs" },
      { name: "service", description: "Health and this document" },
    ],
    paths: { ...paths, ...savedViewPaths },
    components,
  };
}
