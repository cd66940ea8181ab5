import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import { notFound } from "./api-error";

const immutable = "public, max-age=31536000, immutable";

/**
 * The built dashboard: files as they are (hashed `/assets/*` cached for a year, the rest revalidated), and
 * index.html for any other path without a file extension, so the SPA's own routes load on refresh.
 */
export function staticSite(staticDir: string): MiddlewareHandler {
  const root = resolve(staticDir);
  if (!existsSync(join(root, "index.html"))) {
    return async (c, next) => {
      if (isPageRequest(c.req.method, c.req.path)) {
        throw notFound("The dashboard is not built; run npm run build (npm start does it for you).");
      }
      await next();
    };
  }
  const files = serveStatic({ root });
  const page = serveStatic({ root, path: "index.html" });
  return async (c, next) => {
    const method = c.req.method;
    if ((method !== "GET" && method !== "HEAD") || isApiPath(c.req.path)) return next();
    const served = await files(c, async () => {});
    if (served) {
      served.headers.set("Cache-Control", c.req.path.startsWith("/assets/") ? immutable : "no-cache");
      return served;
    }
    const index = isPageRequest(method, c.req.path) ? await page(c, async () => {}) : undefined;
    if (index) {
      index.headers.set("Cache-Control", "no-cache");
      return index;
    }
    await next();
  };
}

function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/** A browser navigation to one of the dashboard's routes: not the API, not a file. */
function isPageRequest(method: string, path: string): boolean {
  const last = path.slice(path.lastIndexOf("/") + 1);
  return (method === "GET" || method === "HEAD") && !isApiPath(path) && !last.includes(".");
}
