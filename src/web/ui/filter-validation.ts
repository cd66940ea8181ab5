import type { FilterSpecs } from "../../contract/filter-fields";
import type { FilterChip } from "./filter-chip-model";

/**
 * Checks a chip against the contract's field specs before it becomes part of `q`, so the user sees the problem
 * next to the input instead of as a 400. Returns a sentence, or undefined when the chip is fine.
 */
export function chipProblem(chip: FilterChip, specs: FilterSpecs, label: string): string | undefined {
  if (chip.kind === "range") {
    if (chip.from === "" || chip.until === "") return "Enter both a start and an end.";
    for (const [name, value] of [
      ["Start", chip.from],
      ["End", chip.until],
    ] as const) {
      const parsed = (specs.from ?? specs.until)?.safeParse(value);
      if (!parsed) return "This list cannot be filtered by time.";
      if (!parsed.success) return `${name} ${parsed.error.issues[0]?.message ?? "is invalid"}.`;
    }
    return Date.parse(chip.from) > Date.parse(chip.until)
      ? "The start must not be after the end."
      : undefined;
  }
  if (chip.value.trim() === "") return "Enter a value.";
  const spec = Object.hasOwn(specs, chip.field) ? specs[chip.field] : undefined;
  if (!spec) return `${label} cannot be filtered on here.`;
  const parsed = spec.safeParse(chip.value);
  return parsed.success ? undefined : `${label} ${parsed.error.issues[0]?.message ?? "has a bad value"}.`;
}
