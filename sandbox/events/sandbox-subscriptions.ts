/**
 * `POST /_sandbox/webhook-subscriptions`: subscribes one URL for every customer at once (the
 * start script points the embedded sandbox at the dashboard this way). An earlier subscription to
 * the same URL is replaced, so a restart never delivers twice.
 */
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { EVENT_TYPES, EventType } from "../../lib/jiko/events";
import type { SandboxDb } from "../db/open";
import { customers, subscriptions } from "../db/schema";

export const WebhookSubscriptionsBody = z.object({
  url: z.url().refine((u) => /^https?:\/\//.test(u), "URL scheme should be 'http' or 'https'"),
  shared_secret: z.string().min(16),
  events: z.array(EventType).min(1).optional(),
});

export async function subscribeEveryCustomer(
  db: SandboxDb,
  body: z.infer<typeof WebhookSubscriptionsBody>,
) {
  const now = new Date();
  return db.transaction(async (tx) => {
    await tx
      .update(subscriptions)
      .set({ deletedAt: now, updatedAt: now })
      .where(and(eq(subscriptions.url, body.url), isNull(subscriptions.deletedAt)));
    const items: Array<{ customer_id: string; subscription_id: string }> = [];
    for (const { id } of await tx.select({ id: customers.id }).from(customers)) {
      const [row] = await tx
        .insert(subscriptions)
        .values({
          customerId: id,
          description: "Treasury Desk (sandbox)",
          url: body.url,
          events: [...(body.events ?? EVENT_TYPES)],
          retryPolicy: null,
          sharedSecret: body.shared_secret,
          status: "enabled",
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: subscriptions.id });
      items.push({ customer_id: id, subscription_id: row!.id });
    }
    return { items };
  });
}
