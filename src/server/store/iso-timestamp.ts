/** ISO 8601 UTC as the contract writes it: `2026-11-18T12:00:00Z`, milliseconds only when not zero. */
export function isoTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}
