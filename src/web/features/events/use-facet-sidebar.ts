import { useState } from "react";

const storageKey = "eventdesk.topValues";

/** Open unless the viewer closed it, on screens wide enough to keep the table beside it. */
function initiallyOpen(): boolean {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored !== null) return stored === "open";
  } catch {
    // Storage may be disabled: fall back to the screen's width.
  }
  return matchMedia("(min-width: 1600px)").matches;
}

/** Whether the Top values sidebar is shown, kept per browser once chosen. */
export function useFacetSidebar(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(initiallyOpen);
  return [
    open,
    (next) => {
      setOpen(next);
      try {
        localStorage.setItem(storageKey, next ? "open" : "closed");
      } catch {
        // The choice then lasts for this page only.
      }
    },
  ];
}
