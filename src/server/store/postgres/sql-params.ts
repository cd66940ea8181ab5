/** A statement's bound values, collected as its text is written: `bind` answers the placeholder of one. */
export type SqlParams = { values: unknown[]; bind: (value: unknown) => string };

export function sqlParams(): SqlParams {
  const values: unknown[] = [];
  return {
    values,
    bind(value) {
      values.push(value);
      return `$${String(values.length)}`;
    },
  };
}
