/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the EventDesk API server (e.g. `https://events.example.com`); defaults to the page's own origin. */
  readonly VITE_EVENTDESK_API_URL?: string;
}
