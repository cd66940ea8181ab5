import { z } from "zod";
import { containerEventTypes, eventStatuses } from "./catalogue";
import { orgRefSchema } from "./event";
import { failureReason, ipAddress } from "./filter-fields";

export const containerSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisation: orgRefSchema,
  created_at: z.string(),
  expires_at: z.string().nullable(),
  blocked: z.boolean(),
});
export type Container = z.infer<typeof containerSchema>;

export const containerListSchema = z.array(containerSchema);

/** How far ahead of the server's clock a logged event may be stamped. */
export const maxClockSkewMs = 5 * 60 * 1000;

export const maxDescriptionLength = 2000;

export const newContainerEventSchema = z.strictObject({
  event_type: z.enum(containerEventTypes, {
    error: `event_type must be one of ${containerEventTypes.join(", ")}`,
  }),
  timestamp: z.iso
    .datetime({ error: "timestamp must be an ISO 8601 UTC date-time such as 2026-11-18T12:00:00Z" })
    .refine((value) => Date.parse(value) <= Date.now() + maxClockSkewMs, {
      error: "timestamp must be in the past or at most five minutes ahead",
    }),
  status: z.enum(eventStatuses, { error: "status must be SUCCESS or FAILURE" }),
  description: z
    .string()
    .max(maxDescriptionLength, {
      error: `description must be at most ${String(maxDescriptionLength)} characters`,
    })
    .refine((text) => !text.includes("\0"), { error: "description must not contain NUL characters" })
    .optional(),
  reason: failureReason("reason must be a code of at most 64 characters of a-z, 0-9 and _").nullish(),
  client_ip: ipAddress("client_ip must be a valid IPv4 or IPv6 address").nullish(),
});
export type NewContainerEvent = z.infer<typeof newContainerEventSchema>;

export const maxBlockReasonLength = 500;

/** `PATCH …/containers/{container_id}`: block or unblock a container, saying why if the caller likes. */
export const containerBlockingSchema = z.strictObject({
  blocked: z.boolean({ error: "blocked must be true or false" }),
  reason: z
    .string({ error: "reason must be text" })
    .max(maxBlockReasonLength, {
      error: `reason must be at most ${String(maxBlockReasonLength)} characters`,
    })
    .refine((text) => !text.includes("\0"), { error: "reason must not contain NUL characters" })
    .optional(),
});
export type ContainerBlocking = z.infer<typeof containerBlockingSchema>;

export const createdEventSchema = z.object({ message: z.string(), id: z.number().int() });
export type CreatedEvent = z.infer<typeof createdEventSchema>;

export const maxEventsPerBatch = 1000;

export const newContainerEventBatchSchema = z.strictObject({
  events: z
    .array(
      z.strictObject({
        container_id: z.string({ error: "container_id must be a container's id" }).min(1).max(128),
        ...newContainerEventSchema.shape,
      }),
      { error: "events must be a list of container events" },
    )
    .min(1, { error: "events must hold at least one event" })
    .max(maxEventsPerBatch, { error: `events may hold at most ${String(maxEventsPerBatch)} events` }),
});
export type NewContainerEventBatch = z.infer<typeof newContainerEventBatchSchema>;

export const createdEventsSchema = z.object({ message: z.string(), ids: z.array(z.number().int()) });
export type CreatedEvents = z.infer<typeof createdEventsSchema>;
