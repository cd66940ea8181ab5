import { useEffect } from "react";

/**
 * Names the browser tab `<parts> · EventDesk` by changing the page's one `<title>` (index.html's): a `<title>`
 * element rendered by React would be a second one in the head.
 */
export function useDocumentTitle(...parts: (string | undefined)[]): void {
  const text = [...parts.filter((part) => part !== undefined && part !== ""), "EventDesk"].join(" · ");
  useEffect(() => {
    document.title = text;
  }, [text]);
}
