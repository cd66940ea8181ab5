import { z } from "zod";
import { eventStatuses } from "./catalogue";

const dayMs = 24 * 60 * 60 * 1000;

/** A time in epoch milliseconds parsed from an ISO 8601 date-time with `Z` or an offset. */
export const dateTimeValue = z.iso
  .datetime({ offset: true, error: "must be a date-time such as 2026-11-18T12:00:00Z" })
  .transform((value) => Date.parse(value));

const dayValue = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: "must be a date (2026-11-18) or a date-time (2026-11-18T12:00:00Z)",
  })
  .transform((value) => {
    const start = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    const dayStart = start - (((start % dayMs) + dayMs) % dayMs);
    return { from: dayStart, until: dayStart + dayMs - 1 };
  });

const numericId = z
  .string()
  .regex(/^[0-9]{1,9}$/, { error: "must be a numeric id" })
  .transform(Number);

const booleanValue = z
  .enum(["true", "false"], { error: "must be true or false" })
  .transform((v) => v === "true");

const textValue = z.string().max(200, { error: "must be at most 200 characters" });

const digitsValue = z.string().regex(/^[0-9]{1,32}$/, { error: "must be digits only" });

/** An IPv4 or IPv6 address; `error` is the message a bad one gets. */
export const ipAddress = (error: string) => z.union([z.ipv4(), z.ipv6()], { error });

/** Why an access failed: a short snake_case code (`wrong_password`); `error` is the message a bad one gets. */
export const failureReason = (error: string) => z.string({ error }).regex(/^[a-z0-9_]{1,64}$/, { error });

const ipValue = ipAddress("must be a valid IPv4 or IPv6 address");

export const eventFilterFields = {
  from: dateTimeValue,
  until: dateTimeValue,
  timestamp: dayValue,
  type: numericId,
  source: numericId,
  severity: numericId,
  alert: booleanValue,
  status: z.enum(eventStatuses, { error: "must be SUCCESS or FAILURE" }),
  description: textValue,
  organisation: textValue,
  user: textValue,
  endpoint: textValue,
  tags: textValue,
  ip_address: ipValue,
  imei: digitsValue,
  iccid: digitsValue,
  imsi: digitsValue,
  container: textValue,
  reason: failureReason("must be a code of at most 64 characters of a-z, 0-9 and _"),
  client_ip: ipValue,
} satisfies Record<string, z.ZodType<unknown, string>>;

export const containerFilterFields = {
  name: textValue,
  blocked: booleanValue,
} satisfies Record<string, z.ZodType<unknown, string>>;

export type FilterSpecs = Record<string, z.ZodType<unknown, string>>;

/** The parsed filter: for each field given, its values (OR-ed); different fields are AND-ed. */
export type Filter<S extends FilterSpecs> = { [K in keyof S]?: z.output<S[K]>[] };

export type EventFilterField = keyof typeof eventFilterFields;
export type EventFilter = Filter<typeof eventFilterFields>;
export type ContainerFilter = Filter<typeof containerFilterFields>;

export const eventFilterFieldNames = Object.keys(eventFilterFields) as EventFilterField[];
