/**
 * What the webhook routes answer, checked in the browser. The hooks load this module with the
 * first answer they ask for (lib/api-client.ts), so zod stays out of the page's first load.
 */
import { z } from "zod";
import { Subscription } from "@/lib/jiko/events";

export { EventList } from "@/lib/jiko/events";
export { LiveStatus } from "@/lib/webhook-form-schemas";

export const ListedSubscription = Subscription.extend({
  delivers_here: z.boolean(),
  secret_unknown: z.boolean(),
});
export type ListedSubscription = z.infer<typeof ListedSubscription>;
export const SubscriptionItems = z.object({ items: z.array(ListedSubscription) });
export const Updated = z.object({
  subscription: Subscription,
  shared_secret: z.string().optional(),
});
export const Sent = z.object({ event_id: z.string() });
export const Deleted = z.object({ deleted: z.string() });
