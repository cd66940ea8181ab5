import { z } from "zod";
import { containerEventViews, listHeaders } from "../../../contract/api-paths";
import {
  defaultFacetFields,
  defaultFacetLimit,
  facetFields,
  facetsSchema,
  maxFacetLimit,
  maxFacetPrefixLength,
} from "../../../contract/facets";
import { autoMaxBuckets, histogramIntervals, histogramSchema, maxBuckets } from "../../../contract/histogram";
import {
  passwordLoginSchema,
  refreshLoginSchema,
  refreshedSchema,
  tokensSchema,
} from "../../../contract/auth";
import {
  containerBlockingSchema,
  containerSchema,
  createdEventSchema,
  createdEventsSchema,
  newContainerEventBatchSchema,
  newContainerEventSchema,
} from "../../../contract/container";
import { apiErrorSchema, errorStatuses, type ErrorCode } from "../../../contract/error";
import { eventSchema, eventTypesResponseSchema } from "../../../contract/event";
import { containerFilterFields, eventFilterFieldNames } from "../../../contract/filter-fields";
import { defaultPerPage, maxPerPage, maxQueryLength } from "../../../contract/list-params";
import { meSchema, organisationSchema } from "../../../contract/organisation";
import { newSavedViewSchema, savedViewPatchSchema, savedViewSchema } from "../../../contract/saved-view";
import {
  containerSortFields,
  defaultContainerSort,
  defaultEventSort,
  eventSortFields,
} from "../../../contract/sort-fields";
import { maxContainerIdLength } from "../path-scope";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output" = "output"): Json {
  const document: Json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
  delete document.$schema;
  return document;
}

export const ref = (kind: "schemas" | "parameters" | "headers" | "responses", name: string) => ({
  $ref: `#/components/${kind}/${name}`,
});

const schemas = {
  Event: jsonSchema(eventSchema),
  Container: jsonSchema(containerSchema),
  Organisation: jsonSchema(organisationSchema),
  Me: jsonSchema(meSchema),
  EventTypes: jsonSchema(eventTypesResponseSchema),
  Error: jsonSchema(apiErrorSchema),
  PasswordLogin: jsonSchema(passwordLoginSchema, "input"),
  RefreshLogin: jsonSchema(refreshLoginSchema, "input"),
  Tokens: jsonSchema(tokensSchema),
  RefreshedToken: jsonSchema(refreshedSchema),
  NewContainerEvent: jsonSchema(newContainerEventSchema, "input"),
  CreatedEvent: jsonSchema(createdEventSchema),
  NewContainerEventBatch: jsonSchema(newContainerEventBatchSchema, "input"),
  CreatedEvents: jsonSchema(createdEventsSchema),
  ContainerBlocking: jsonSchema(containerBlockingSchema, "input"),
  Histogram: jsonSchema(histogramSchema),
  Facets: jsonSchema(facetsSchema),
  SavedView: jsonSchema(savedViewSchema),
  NewSavedView: jsonSchema(newSavedViewSchema, "input"),
  SavedViewPatch: jsonSchema(savedViewPatchSchema, "input"),
};

const sortDescription = (fields: readonly string[], fallback: string, extra: string) =>
  `Comma-separated sort fields, each optionally prefixed with \`-\` for descending: ${fields.map((f) => `\`${f}\``).join(", ")}. Default \`${fallback}\`. A field named twice or an unknown field is a 400. ${extra}`;

const queryGrammar =
  "Comma-separated `field:value` filters. The value is everything after the first `:`; inside it `\\,` is a literal comma and `\\\\` a backslash; any other backslash, an empty value or an empty filter is a 400. Spaces are part of the value. Different fields combine with AND; the same field given more than once combines with OR.";

const parameters = {
  OrgId: {
    name: "org_id",
    in: "path",
    required: true,
    description:
      "Numeric organisation id. Anything but digits answers 400 (param `org_id`); digits that name no organisation you may read, however many, answer 404.",
    schema: { type: "string", pattern: "^[0-9]+$" },
  },
  OrgIdOrMy: {
    name: "org_id",
    in: "path",
    required: true,
    description:
      "Numeric organisation id, or `my` for the caller's own organisation. An id that does not exist or is out of reach answers `200 []` with `x-total-count: 0` (seed 2's documented quirk) once every parameter is valid.",
    schema: { anyOf: [{ type: "string", pattern: "^[0-9]+$" }, { const: "my" }] },
  },
  EventId: {
    name: "event_id",
    in: "path",
    required: true,
    description:
      "Numeric event id. Anything but digits answers 400 (param `event_id`), before the organisation is looked up.",
    schema: { type: "string", pattern: "^[0-9]+$" },
  },
  View: {
    name: "view",
    in: "query",
    description: `Which events: \`all\` (the default, as \`/orgs/{org_id}/events\`) or a container-event view (${containerEventViews.map((v) => `\`${v}\``).join(", ")}), the same rows as \`/orgs/{org_id}/container_events/{view}\`. Anything else answers 400 (param \`view\`).`,
    schema: { type: "string", enum: ["all", ...containerEventViews], default: "all" },
  },
  FacetFields: {
    name: "fields",
    in: "query",
    description: `Comma-separated fields to count, each once: ${facetFields.map((f) => `\`${f}\``).join(", ")}; default \`${defaultFacetFields.join(",")}\`. \`reason\` and \`client_ip\`: failed container events by cause and by address; every other event counts under the null value.`,
    schema: { type: "string" },
  },
  FacetLimit: {
    name: "limit",
    in: "query",
    description: `Values per field, 1–${String(maxFacetLimit)}, default ${String(defaultFacetLimit)}.`,
    schema: { type: "integer", minimum: 1, maximum: maxFacetLimit, default: defaultFacetLimit },
  },
  FacetPrefix: {
    name: "prefix",
    in: "query",
    description: `With exactly one field: only the values whose value or label starts with it, ASCII case-insensitively (the null value never), at most ${String(maxFacetPrefixLength)} characters. For autocomplete.`,
    schema: { type: "string", maxLength: maxFacetPrefixLength },
  },
  HistogramInterval: {
    name: "interval",
    in: "query",
    description: `Bucket width. When absent, the smallest giving at most ${String(autoMaxBuckets)} buckets over the range (\`1d\` if none does). More than ${String(maxBuckets)} buckets answers 400 (param \`interval\`).`,
    schema: { type: "string", enum: Object.keys(histogramIntervals) },
  },
  ContainerId: {
    name: "container_id",
    in: "path",
    required: true,
    description: `Container id (a string, percent-encoded in the path), at most ${maxContainerIdLength} characters.`,
    schema: { type: "string", minLength: 1, maxLength: maxContainerIdLength },
  },
  Page: {
    name: "page",
    in: "query",
    description:
      "1-based page number, default 1. A page past the end answers `200 []` with the list headers. Empty (`page=`) counts as absent; given twice is a 400.",
    schema: { type: "integer", minimum: 1, default: 1 },
  },
  PerPage: {
    name: "per_page",
    in: "query",
    description: `Rows per page, 1–${maxPerPage}, default ${defaultPerPage}. Empty counts as absent; given twice is a 400. Ignored for CSV.`,
    schema: { type: "integer", minimum: 1, maximum: maxPerPage, default: defaultPerPage },
  },
  EventSort: {
    name: "sort",
    in: "query",
    description: sortDescription(
      eventSortFields,
      defaultEventSort,
      "`id` is always the final tie-breaker (descending unless named), so paging is stable. Nulls sort last in both directions. `type`, `source`, `severity` sort by numeric id, `user` by user id, `organisation`, `endpoint`, `tags` by name, `ip_address` as text, `alert` false before true. Empty (`sort=`) counts as absent; given twice is a 400.",
    ),
    schema: { type: "string", example: "-timestamp,severity" },
  },
  EventQuery: {
    name: "q",
    in: "query",
    description: `${queryGrammar} Fields: ${eventFilterFieldNames.map((f) => `\`${f}\``).join(", ")}.
- \`from\`, \`until\`: ISO 8601 date-times with \`Z\` or an offset (\`2026-11-18T12:00:00Z\`, \`2026-11-18T13:00:00+01:00\`); they come together, once each, \`from ≤ until\`, both inclusive.
- \`timestamp\`: a date \`YYYY-MM-DD\` selects that UTC day; a date-time selects the UTC day containing that instant.
- \`description\`, \`organisation\`, \`user\` (name or username), \`endpoint\`, \`tags\`, \`container\` (container id): case-insensitive substring, at most 200 characters.
- \`ip_address\`: a valid IPv4/IPv6 address, exact. \`imei\`, \`iccid\`, \`imsi\`: digits, exact.
- \`reason\`: why a container access failed, exact (\`wrong_password\`, \`link_expired\`, …; at most 64 characters of \`a-z\`, \`0-9\`, \`_\`). \`client_ip\`: the address a failed access came from, a valid IPv4/IPv6 address, exact (IPv6 hex digits in either case).
- \`type\`, \`source\`, \`severity\`: numeric ids (see \`/event_types\`); a well-formed unknown id matches nothing.
- \`alert\`: \`true\`/\`false\`. \`status\`: \`SUCCESS\`/\`FAILURE\`.
At most ${maxQueryLength} characters. Empty (\`q=\`) counts as absent; given twice is a 400. Errors name the field in the message and \`q\` in \`param\`.`,
    schema: { type: "string", example: "severity:1,severity:2,description:login failed" },
  },
  ContainerSort: {
    name: "sort",
    in: "query",
    description: sortDescription(containerSortFields, defaultContainerSort, "`id` breaks ties."),
    schema: { type: "string" },
  },
  ContainerQuery: {
    name: "q",
    in: "query",
    description: `${queryGrammar} Fields: ${Object.keys(containerFilterFields)
      .map((f) => `\`${f}\``)
      .join(", ")} — \`name\` a case-insensitive substring, \`blocked\` \`true\`/\`false\`.`,
    schema: { type: "string", example: "blocked:true" },
  },
  Bom: {
    name: "bom",
    in: "query",
    description:
      "CSV only: `1` puts a UTF-8 byte order mark before the header row, for spreadsheets that need one to read UTF-8. `0` or absent: none.",
    schema: { type: "string", enum: ["0", "1"] },
  },
};

const integerHeader = (description: string) => ({ description, schema: { type: "integer" } });
const echoHeader = (param: string) => ({
  description: `\`${param}\` as the grammar writes it back; absent when \`${param}\` was not given. Every character outside printable ASCII, \`%\` itself and a space at either end are percent-encoded (UTF-8), so \`decodeURIComponent\` restores the text.`,
  schema: { type: "string" },
});

const headers = {
  PerPage: integerHeader("The `per_page` in effect."),
  CurrentPage: integerHeader("The `page` answered."),
  TotalCount: integerHeader("Rows matching the filter, on all pages."),
  TotalPages: integerHeader("Pages of `per_page` rows; 0 when nothing matches."),
  Filter: echoHeader("q"),
  Sort: echoHeader("sort"),
  Link: {
    description:
      'RFC 8288 links to other pages of the same list: `rel="first"` and `rel="last"` always (page 1 when nothing ' +
      'matches), `rel="prev"` except on page 1 (past the end: the last page), `rel="next"` except on or past the ' +
      "last page. Each is the request's path and query (`q`, `sort`, `per_page` as given) with only `page` changed.",
    schema: { type: "string" },
    example:
      '</api/v1/orgs/1/events?q=severity%3A2&page=1>; rel="first", </api/v1/orgs/1/events?q=severity%3A2&page=2>; rel="next", </api/v1/orgs/1/events?q=severity%3A2&page=9>; rel="last"',
  },
  ContentDisposition: {
    description: 'attachment; filename="eventdesk-<organisation>-<view>[-<from>-<until>].csv"',
    schema: { type: "string" },
  },
  RetryAfter: integerHeader("Seconds until the request may be tried again."),
  WwwAuthenticate: {
    description: '`Bearer`, with `error="invalid_token"` for a bad token.',
    schema: { type: "string" },
  },
};

const errorDescriptions: Record<ErrorCode, string> = {
  bad_request: "A malformed path segment, parameter or body; `param` names it.",
  unauthorized:
    "No valid auth token (missing, malformed, tampered, expired or signed out), or wrong credentials.",
  forbidden:
    "The caller's role may not do this (support staff only read), or the saved view is another user's (it may be read, not changed).",
  not_found:
    "The organisation, container or saved view does not exist or is out of the caller's reach (one answer for both).",
  conflict:
    "The change clashes with what is stored: the caller already has a saved view of that name, or the container already has the blocked state asked for (nothing was changed or stored).",
  not_acceptable: "The Accept header allows none of the types this endpoint answers.",
  payload_too_large: "The request body is over 64 KB.",
  unsupported_media_type: "The request body is not sent as `Content-Type: application/json`.",
  too_many_requests:
    "Too many failed sign-ins, or too many live streams open for the user; wait `Retry-After` seconds.",
  internal: "An unexpected error; logged on the server, never with a stack trace in the answer.",
  unavailable:
    "The event store cannot answer now: its disk is read-only or full (reading may still work), it is busy, its file was deleted or replaced under the running server (every request, until the server restarts), or its PostgreSQL database cannot be reached or took too long (retry after `Retry-After` seconds).",
};

const errorHeaders: Partial<Record<ErrorCode, Json>> = {
  unauthorized: { "WWW-Authenticate": ref("headers", "WwwAuthenticate") },
  too_many_requests: { "Retry-After": ref("headers", "RetryAfter") },
  unavailable: { "Retry-After": ref("headers", "RetryAfter") },
};

const responses = Object.fromEntries(
  (Object.keys(errorStatuses) as ErrorCode[]).map((code) => [
    code,
    {
      description: errorDescriptions[code],
      headers: errorHeaders[code],
      content: { "application/json": { schema: ref("schemas", "Error") } },
    },
  ]),
);

export const components = {
  schemas,
  parameters,
  headers,
  responses,
  securitySchemes: {
    bearer: {
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
      description: "An `auth_token` from `POST /api/v1/authenticate`.",
    },
  },
};

export const listResponseHeaders = {
  [listHeaders.perPage]: ref("headers", "PerPage"),
  [listHeaders.page]: ref("headers", "CurrentPage"),
  [listHeaders.total]: ref("headers", "TotalCount"),
  [listHeaders.totalPages]: ref("headers", "TotalPages"),
  [listHeaders.filter]: ref("headers", "Filter"),
  [listHeaders.sort]: ref("headers", "Sort"),
  Link: ref("headers", "Link"),
};

export const errors = (...codes: ErrorCode[]) =>
  Object.fromEntries(codes.map((code) => [String(errorStatuses[code]), ref("responses", code)]));
