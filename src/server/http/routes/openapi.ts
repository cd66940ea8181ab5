import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { openApiDocument } from "../openapi/document";

/** The OpenAPI document; public, like /healthz. */
export function openApiRoutes() {
  const document = JSON.stringify(openApiDocument());
  return new Hono<AppEnv>().get("/openapi.json", (c) => {
    c.header("Content-Type", "application/json; charset=utf-8");
    return c.body(document);
  });
}
