/** SQLite's lower(): ASCII letters only, which `ascii_lower` (migrations.ts) applies on the server. */
export const asciiLower = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/** `%text%` for LIKE on `ascii_lower(…)`, its own `%`, `_` and `\` taken literally. */
export const containing = (text: string) => `%${asciiLower(text).replace(/[\\%_]/g, "\\$&")}%`;

/**
 * PostgreSQL text cannot hold NUL, so no stored name or description contains one, and a value that does
 * (the query grammar allows it) matches nothing: it is left out rather than sent.
 */
export const storable = (values: readonly string[]) => values.filter((value) => !value.includes("\0"));
