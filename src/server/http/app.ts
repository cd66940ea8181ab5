import { Hono } from "hono";
import { cors } from "hono/cors";
import { apiBase } from "../../contract/api-paths";
import { cookieSessionHeader } from "../../contract/auth";
import { createSessions } from "../auth/sessions";
import { createSignIn } from "../auth/sign-in";
import { createTokenService } from "../auth/tokens";
import type { Config } from "../config";
import type { AccountStore } from "../store/account-store";
import type { EventStore } from "../store/event-store";
import type { SavedViewStore } from "../store/saved-view-store";
import type { AppEnv } from "./app-env";
import { compression } from "./compression";
import { eventListAnswers } from "./event-list";
import { handleError, handleNotFound } from "./error-response";
import { exposedHeaders } from "./list-headers";
import { requireAuth } from "./require-auth";
import { authenticateRoutes } from "./routes/authenticate";
import { containerEventBatchRoutes } from "./routes/container-event-batch";
import { containerBlockingRoutes } from "./routes/container-blocking";
import { containerRoutes } from "./routes/containers";
import { eventStreamAnswers } from "./routes/event-stream";
import { eventTypeRoutes } from "./routes/event-types";
import { meRoutes } from "./routes/me";
import { openApiRoutes } from "./routes/openapi";
import { orgEventRoutes } from "./routes/org-events";
import { organisationEventRoutes } from "./routes/organisation-events";
import { savedViewRoutes } from "./routes/saved-views";
import { securityHeaders } from "./security-headers";
import { staticSite } from "./static-site";

export type AppDeps = {
  events: EventStore;
  accounts: AccountStore;
  views: SavedViewStore;
  config: Config;
  now?: () => number;
  /** Rows per read of the store in a CSV export (the store's default unless given; tests make it small). */
  exportChunkRows?: number;
  /** How often an idle live stream sends a comment (15 s unless given; tests make it short). */
  liveHeartbeatMs?: number;
  /** Aborts when the server stops, ending every live stream. */
  shutdown?: AbortSignal;
};

const defaultHeartbeatMs = 15_000;

/**
 * The whole server: the API under /api/v1, /healthz, and the built dashboard everywhere else. Ready once the
 * key that signs tokens has been read from the store (unless the configuration gives one).
 */
export async function createApp({
  events,
  accounts,
  views,
  config,
  now = Date.now,
  exportChunkRows,
  liveHeartbeatMs = defaultHeartbeatMs,
  shutdown = new AbortController().signal,
}: AppDeps): Promise<Hono<AppEnv>> {
  const tokens = createTokenService({
    secret: config.tokenSecret ?? (await accounts.signingSecret()),
    authTtlSeconds: config.tokenTtlSeconds,
    refreshTtlSeconds: config.refreshTtlSeconds,
    now,
  });
  const sessions = createSessions(accounts, now);
  const signIn = createSignIn(accounts, sessions, tokens, now);
  const lists = eventListAnswers(events, {
    sendTimeoutMs: config.exportSendTimeoutSeconds * 1000,
    chunkRows: exportChunkRows,
  });
  const streams = eventStreamAnswers(
    events,
    { streamsPerUser: config.streamsPerUser, heartbeatMs: liveHeartbeatMs, shutdown },
    now,
  );

  const api = new Hono<AppEnv>()
    .route("/", openApiRoutes())
    .route("/", authenticateRoutes(signIn, config.trustedProxies, config.refreshTtlSeconds))
    .use(requireAuth(accounts, sessions, tokens))
    .route("/", meRoutes(events))
    .route("/", eventTypeRoutes(events))
    .route("/", organisationEventRoutes(events, lists))
    .route("/", orgEventRoutes(events, lists, streams, now))
    .route("/", containerRoutes(events, lists))
    .route("/", containerBlockingRoutes(events, now))
    .route("/", containerEventBatchRoutes(events))
    .route("/", savedViewRoutes(events, views, now));

  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound(handleNotFound);
  app.use(securityHeaders(config.corsOrigins));
  app.use(compression());
  if (config.corsOrigins.length > 0) {
    app.use(
      `${apiBase}/*`,
      cors({
        origin: [...config.corsOrigins],
        allowMethods: ["GET", "POST", "PATCH", "DELETE"],
        allowHeaders: ["Authorization", "Content-Type", "Accept", "Last-Event-ID", cookieSessionHeader],
        exposeHeaders: exposedHeaders,
        maxAge: 600,
      }),
    );
  }
  app.use(`${apiBase}/*`, async (c, next) => {
    // Set before the answer is made, so every answer starts with them: `c.header` after that rebuilds the
    // answer, and a rebuilt answer goes out through a web stream instead of one write.
    c.header("Cache-Control", "no-store");
    c.header("Access-Control-Expose-Headers", exposedHeaders.join(", "));
    await next();
  });
  app.get("/healthz", async (c) => {
    await events.health();
    return c.json({ status: "ok" });
  });
  app.route(apiBase, api);
  app.use(staticSite(config.staticDir));
  return app;
}
