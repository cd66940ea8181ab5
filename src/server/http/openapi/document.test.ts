import { describe, expect, it } from "vitest";
import { containerEventViews } from "../../../contract/api-paths";
import { eventFilterFieldNames } from "../../../contract/filter-fields";
import { eventSortFields } from "../../../contract/sort-fields";
import { openApiDocument } from "./document";

const document = openApiDocument();

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a bearer scheme, and every $ref resolves", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) expect(resolve(ref), ref).toBeDefined();
  });

  it("documents every container-event view and the list parameters with their fields", () => {
    for (const view of containerEventViews) {
      expect(Object.keys(document.paths)).toContain(`/api/v1/orgs/{org_id}/container_events/${view}`);
    }
    const { EventQuery, EventSort, Bom } = document.components.parameters;
    for (const field of eventFilterFieldNames) expect(EventQuery.description).toContain(`\`${field}\``);
    for (const field of eventSortFields) expect(EventSort.description).toContain(`\`${field}\``);
    expect(Bom.description).toMatch(/byte order mark/);
  });

  it("documents reason and client_ip on the event, the POST bodies, q and the CSV columns", () => {
    const { Event, NewContainerEvent, NewContainerEventBatch } = document.components.schemas as Record<
      string,
      { properties?: Record<string, unknown> }
    >;
    expect(Object.keys(Event?.properties ?? {})).toEqual(expect.arrayContaining(["reason", "client_ip"]));
    expect(Object.keys(NewContainerEvent?.properties ?? {})).toEqual(
      expect.arrayContaining(["reason", "client_ip"]),
    );
    expect(JSON.stringify(NewContainerEventBatch)).toContain("client_ip");
    const list = document.paths["/api/v1/orgs/{org_id}/events"] as { get: { description: string } };
    expect(list.get.description).toContain("container,reason,client_ip");
  });

  it("records the readings chosen where the contract is silent", () => {
    const text = document.info.description;
    expect(text).toMatch(/`q=`, `sort=`, `page=`.*count as absent/);
    expect(text).toMatch(/given twice answer 400/);
    expect(text).toMatch(/UTC day containing that instant/);
    expect(text).toMatch(/`Z` or an offset/);
    expect(text).toMatch(/bom=1/);
  });

  it("documents the five saved-view operations and the path-outside-reach reading", () => {
    const paths = document.paths as Record<string, Record<string, { description?: string }>>;
    expect(Object.keys(paths["/api/v1/views"] ?? {})).toEqual(["get", "post"]);
    expect(Object.keys(paths["/api/v1/views/{id}"] ?? {})).toEqual(["get", "patch", "delete"]);
    expect(paths["/api/v1/views"]?.post?.description).toMatch(/out of the caller's reach.*400 naming `path`/);
    expect(document.components.responses).toHaveProperty("conflict");
  });

  it("public operations opt out of the bearer requirement; the rest inherit it", () => {
    const paths = document.paths as Record<string, Record<string, { security?: unknown[] }>>;
    expect(paths["/healthz"]?.get?.security).toEqual([]);
    expect(paths["/api/v1/openapi.json"]?.get?.security).toEqual([]);
    expect(paths["/api/v1/authenticate"]?.post?.security).toEqual([]);
    expect(paths["/api/v1/me"]?.get?.security).toBeUndefined();
    expect(document.security).toEqual([{ bearer: [] }]);
  });
});
