import type { QueryClient } from "@tanstack/react-query";
import { createBrowserRouter, Navigate } from "react-router";
import { RequireAuth } from "../features/auth/require-auth";
import { AppShell } from "./app-shell";
import { HomeRedirect } from "./home-redirect";
import { LoadingScreen } from "./loading-screen";
import { NotFound, RouteError } from "./route-error";
import { prefetchEventsPage, prefetchShell } from "./route-prefetch";

/** The prefetching loaders run when a route is entered, not again on every change of its search params. */
const enterOnly = () => false;

/*
 * Page modules are loaded lazily with react-router's `lazy`: a page module exports its component as a named
 * `Component` (and may export `ErrorBoundary`, `loader`, `handle`…, all picked up the same way). Default exports
 * are not read. Each page gets the shared RouteError boundary inside the shell, so a failing page keeps the
 * navigation on screen. The loaders defined here run in parallel with the lazy imports (route-prefetch.ts).
 */
export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      HydrateFallback: LoadingScreen,
      ErrorBoundary: RouteError,
      children: [
        { path: "login", lazy: () => import("../features/auth/login-page") },
        {
          Component: RequireAuth,
          children: [
            { index: true, Component: HomeRedirect },
            {
              path: "orgs/:orgId",
              Component: AppShell,
              loader: () => prefetchShell(queryClient),
              shouldRevalidate: enterOnly,
              children: [
                { index: true, element: <Navigate to="events" replace /> },
                {
                  ErrorBoundary: RouteError,
                  children: [
                    {
                      path: "events",
                      loader: (args) => prefetchEventsPage(queryClient, args),
                      shouldRevalidate: enterOnly,
                      lazy: () => import("../features/events/events-page"),
                    },
                    { path: "containers", lazy: () => import("../features/containers/containers-page") },
                    {
                      path: "containers/:containerId",
                      lazy: () => import("../features/containers/container-timeline-page"),
                    },
                    { path: "failures", lazy: () => import("../features/failures/failures-page") },
                    { path: "*", Component: NotFound },
                  ],
                },
              ],
            },
          ],
        },
        { path: "*", Component: NotFound },
      ],
    },
  ]);
}
