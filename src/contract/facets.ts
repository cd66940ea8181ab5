import { z } from "zod";
import { fail, ok, type Result } from "./result";

export const facetFields = [
  "type",
  "source",
  "severity",
  "status",
  "alert",
  "organisation",
  "user",
  "endpoint",
  "container",
  "ip_address",
  "reason",
  "client_ip",
] as const;
export type FacetField = (typeof facetFields)[number];

export const defaultFacetFields: readonly FacetField[] = ["type", "severity", "source"];
export const defaultFacetLimit = 10;
export const maxFacetLimit = 100;
export const maxFacetPrefixLength = 200;

export const facetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof facetValueSchema>;

export const facetsSchema = z.object({
  total: z.number().int().nonnegative(),
  facets: z.partialRecord(z.enum(facetFields), z.array(facetValueSchema)),
});
export type Facets = z.infer<typeof facetsSchema>;

/** How a null field is counted: under an empty value, labelled with a dash. */
export const nullFacetValue = { value: "", label: "—" } as const;

export type FacetParams = { fields: FacetField[]; limit: number; prefix: string | undefined };

type Query = { getAll(name: string): string[] };

/** Reads `fields`, `limit` and `prefix`; a failure names the parameter at fault. */
export function parseFacetParams(query: Query): Result<FacetParams> & { param?: string } {
  const given: Record<string, string | undefined> = {};
  for (const name of ["fields", "limit", "prefix"]) {
    const values = query.getAll(name);
    if (values.length > 1) return { ...fail(`${name} may be given only once.`), param: name };
    given[name] = values[0];
  }
  const fields = given.fields ? given.fields.split(",") : [...defaultFacetFields];
  const unknown = fields.find((field) => !(facetFields as readonly string[]).includes(field));
  if (unknown !== undefined) {
    return { ...fail(`fields: "${unknown}" is not one of ${facetFields.join(", ")}.`), param: "fields" };
  }
  if (new Set(fields).size !== fields.length)
    return { ...fail("fields names a field twice."), param: "fields" };
  const rawLimit = given.limit;
  const limit = rawLimit === undefined || rawLimit === "" ? defaultFacetLimit : Number(rawLimit);
  if (
    !/^[0-9]{0,3}$/.test(rawLimit ?? "") ||
    !Number.isInteger(limit) ||
    limit < 1 ||
    limit > maxFacetLimit
  ) {
    return { ...fail(`limit must be a whole number from 1 to ${String(maxFacetLimit)}.`), param: "limit" };
  }
  const prefix = given.prefix === "" ? undefined : given.prefix;
  if (prefix !== undefined && fields.length !== 1) {
    return { ...fail("prefix needs exactly one field in fields."), param: "prefix" };
  }
  if (prefix !== undefined && (prefix.length > maxFacetPrefixLength || prefix.includes("\0"))) {
    return {
      ...fail(`prefix must be at most ${String(maxFacetPrefixLength)} characters, without NUL.`),
      param: "prefix",
    };
  }
  return ok({ fields: fields as FacetField[], limit, prefix });
}
