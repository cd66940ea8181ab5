/**
 * Where to go after signing in: the `next` parameter when it is a path on this origin, else `/`. Rejects
 * absolute and protocol-relative URLs (`//evil.test`, `/\evil.test`) so the login page cannot be used to
 * send someone elsewhere.
 */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  try {
    const url = new URL(next, "http://eventdesk.invalid");
    if (url.origin !== "http://eventdesk.invalid") return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
