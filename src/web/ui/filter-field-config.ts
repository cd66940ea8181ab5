/** How the filter bar offers and shows one `q` field. */
export type FilterOption = { value: string; label: string };

export type FilterValueEditor =
  /** A picker, e.g. event types fed by /event_types; chips show the option's label. */
  | { kind: "select"; options: readonly FilterOption[] }
  /** true/false, shown as two choices with these labels. */
  | { kind: "toggle"; trueLabel: string; falseLabel: string }
  /** Free text or an identifier; `numeric` brings up a digit keyboard on phones. */
  | { kind: "text"; placeholder?: string; numeric?: boolean }
  /** A calendar day (the `timestamp` field). */
  | { kind: "date" };

export type FilterFieldConfig = { field: string; label: string; editor: FilterValueEditor };

export function valueLabel(config: FilterFieldConfig | undefined, value: string): string {
  if (config?.editor.kind === "select") {
    return config.editor.options.find((option) => option.value === value)?.label ?? value;
  }
  if (config?.editor.kind === "toggle") {
    if (value === "true") return config.editor.trueLabel;
    if (value === "false") return config.editor.falseLabel;
  }
  return value;
}
