import { z } from "zod";
import { eventStatuses } from "./catalogue";

export const idDescriptionSchema = z.object({ id: z.number().int(), description: z.string() });

export const orgRefSchema = z.object({ id: z.number().int(), name: z.string() });

export const containerRefSchema = z.object({ id: z.string(), name: z.string() });

export const eventStatusSchema = z.enum(eventStatuses);

export const eventSchema = z.object({
  id: z.number().int(),
  timestamp: z.string(),
  alert: z.boolean(),
  description: z.string(),
  status: eventStatusSchema.nullable(),
  event_type: idDescriptionSchema,
  event_source: idDescriptionSchema,
  event_severity: idDescriptionSchema,
  organisation: orgRefSchema,
  user: z.object({ id: z.number().int(), username: z.string(), name: z.string() }).nullable(),
  endpoint: z
    .object({
      id: z.number().int(),
      name: z.string(),
      tags: z.string(),
      ip_address: z.string(),
      imei: z.string(),
    })
    .nullable(),
  sim: z.object({ id: z.number().int(), iccid: z.string() }).nullable(),
  imsi: z.object({ id: z.number().int(), imsi: z.string() }).nullable(),
  container: containerRefSchema.nullable(),
  /** Why a container access failed (`wrong_password`, …); null for every other event. */
  reason: z.string().nullable(),
  /** The address a failed container access came from; null when not known. */
  client_ip: z.string().nullable(),
});
export type Event = z.infer<typeof eventSchema>;

export const eventListSchema = z.array(eventSchema);

export const eventTypesResponseSchema = z.object({
  event_types: z.array(idDescriptionSchema),
  sources: z.array(idDescriptionSchema),
  severities: z.array(idDescriptionSchema),
});
export type EventTypesResponse = z.infer<typeof eventTypesResponseSchema>;
