import { z } from "zod";
import { webhookEventTypes } from "./events";

/** One checkbox per event type (`events[]`); none checked is answered by the action ("webhooks.events_required"). */
export const endpointInput = z.object({
  url: z.string().trim().min(1).max(2000),
  description: z.string().trim().max(200).optional().transform((v) => v || null),
  events: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(webhookEventTypes)).max(webhookEventTypes.length)),
});
export type EndpointInput = z.infer<typeof endpointInput>;
