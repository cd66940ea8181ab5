import { maxViewNameLength, maxViewQueryLength } from "../../../contract/saved-view";
import { errors, ref } from "./components";

const json = (schema: unknown) => ({ "application/json": { schema } });
const view = ref("schemas", "SavedView");

const viewId = {
  name: "id",
  in: "path",
  required: true,
  description:
    "The view's id (a random UUID). An id that names no view, or a view the caller may not read (another user's private view, or one shared with an organisation out of reach), answers 404.",
  schema: { type: "string" },
};

const bodyRules = `\`name\` is trimmed and must then be 1–${String(maxViewNameLength)} characters, unique among the caller's own views (409 \`conflict\` with \`param\` \`name\` otherwise; two users may use the same name). \`query\` is the page's search without a leading \`?\`, at most ${String(maxViewQueryLength)} characters. Any other key answers 400 naming it.`;

/** Saved views: named dashboard URLs, the caller's own and those shared with its reach. */
export const savedViewPaths = {
  "/api/v1/views": {
    get: {
      tags: ["views"],
      summary: "Saved views",
      description:
        "The caller's own views (private and shared), then the shared views of every organisation in the caller's reach saved by other users; each part ordered by name (byte order), then id. Not paged.",
      responses: {
        200: { description: "The views.", content: json({ type: "array", items: view }) },
        ...errors("unauthorized", "not_acceptable", "unavailable"),
      },
    },
    post: {
      tags: ["views"],
      summary: "Save a view",
      description: `Any user may save views, support staff too. \`path\` is a dashboard path: \`/orgs/{id}/events\`, \`/orgs/{id}/failures\`, \`/orgs/{id}/containers\` or \`/orgs/{id}/containers/{container_id}\` (the container id percent-encoded); its organisation becomes the view's \`organisation\`. A path of another shape, of an organisation out of the caller's reach or that does not exist, or of a container not in that organisation's reach, answers 400 naming \`path\` (the same answer whether it does not exist or is not the caller's): the fault is in the body, not the URL. \`shared\` (default false) shows the view to every user whose reach includes its organisation. ${bodyRules}`,
      requestBody: { required: true, content: json(ref("schemas", "NewSavedView")) },
      responses: {
        201: {
          description: "Saved; `Location` is the view's URL.",
          headers: { Location: { schema: { type: "string" } } },
          content: json(view),
        },
        ...errors(
          "bad_request",
          "unauthorized",
          "conflict",
          "not_acceptable",
          "payload_too_large",
          "unsupported_media_type",
          "unavailable",
        ),
      },
    },
  },
  "/api/v1/views/{id}": {
    get: {
      tags: ["views"],
      summary: "One saved view",
      parameters: [viewId],
      responses: {
        200: { description: "The view.", content: json(view) },
        ...errors("unauthorized", "not_found", "not_acceptable", "unavailable"),
      },
    },
    patch: {
      tags: ["views"],
      summary: "Change a saved view",
      description: `Changes any of \`name\`, \`query\` and \`shared\` (the path is fixed: a view of another page is a new view); \`updated_at\` moves unless the body is \`{}\`. Only the owner: another user who can read the view gets 403, one who cannot 404 (checked before the body). ${bodyRules}`,
      parameters: [viewId],
      requestBody: { required: true, content: json(ref("schemas", "SavedViewPatch")) },
      responses: {
        200: { description: "The view as changed.", content: json(view) },
        ...errors(
          "bad_request",
          "unauthorized",
          "forbidden",
          "not_found",
          "conflict",
          "not_acceptable",
          "payload_too_large",
          "unsupported_media_type",
          "unavailable",
        ),
      },
    },
    delete: {
      tags: ["views"],
      summary: "Delete a saved view",
      description: "Only the owner: another user who can read the view gets 403, one who cannot 404.",
      parameters: [viewId],
      responses: {
        204: { description: "Deleted." },
        ...errors("unauthorized", "forbidden", "not_found", "unavailable"),
      },
    },
  },
};
