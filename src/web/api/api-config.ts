import { apiBase } from "../../contract/api-paths";

/**
 * The API root every request goes to: `VITE_EVENTDESK_API_URL` (the origin of any server that speaks the
 * contract, set at build time) or this page's own origin, followed by `/api/v1`.
 */
export function apiRoot(): string {
  const configured = import.meta.env.VITE_EVENTDESK_API_URL?.trim().replace(/\/+$/, "");
  const origin = configured || (typeof location === "undefined" ? "" : location.origin);
  return `${origin}${apiBase}`;
}
