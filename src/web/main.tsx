import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { Providers } from "./app/providers";
import { createQueryClient } from "./app/query-client";
import { createRouter } from "./app/router";
import { applyThemePreference, readThemePreference } from "./app/theme";
import "./ui/theme.css";

applyThemePreference(readThemePreference());

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// One client for the router's prefetching loaders and the pages.
const queryClient = createQueryClient();
const router = createRouter(queryClient);

createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
