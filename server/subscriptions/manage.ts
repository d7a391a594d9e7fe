import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { EventListQuery, Subscription, UpdateSubscriptionRequest } from "@/lib/jiko/events";
import { type CreatedWebhook, type CreateWebhookInput, TEST_EVENT } from "@/lib/webhook-form";
import { ApiError } from "../api/guard";
import type { Db } from "../db/client";
import { type JikoClient, JikoError } from "../jiko";
import {
  forgetSubscription,
  liveModeFor,
  ownWebhookUrl,
  rememberedSubscriptionIds,
  rememberSubscription,
  updateRememberedSubscription,
} from "../live/secrets";
import { log } from "../log";
import { walk } from "../transfers/lists";

type SubscriptionCalls =
  | "subscriptions"
  | "subscription"
  | "createSubscription"
  | "updateSubscription"
  | "deleteSubscription"
  | "events"
  | "triggerWebhook";

/** Who acts: the admin's own Jiko client and the customer the subscriptions belong to. */
export interface Acting {
  jiko: Pick<JikoClient, SubscriptionCalls>;
  customerId: string;
}

/** 32 random bytes, base64url: 43 characters, well past Jiko's 16-character minimum. */
export function newSharedSecret(): string {
  return randomBytes(32).toString("base64url");
}

export type ListedSubscription = Subscription & {
  /** Points at this dashboard and its secret is kept here: its deliveries are verified. */
  delivers_here: boolean;
  /** Points at this dashboard but was made elsewhere: its deliveries cannot be verified. */
  secret_unknown: boolean;
};

/** A customer keeps a handful of subscriptions: five pages of 100 is the bound. */
export async function listSubscriptions(
  who: Acting,
  database?: Db,
): Promise<{ items: ListedSubscription[] }> {
  const [items, kept] = await Promise.all([
    walk((cursor) => who.jiko.subscriptions({ cursor, limit: 100 }), 5),
    rememberedSubscriptionIds(who.customerId, database),
  ]);
  const own = ownWebhookUrl();
  return {
    items: items.map((s) => ({
      ...s,
      delivers_here: s.url === own && kept.has(s.id),
      secret_unknown: s.url === own && !kept.has(s.id),
    })),
  };
}

/**
 * Creates the subscription at Jiko with the admin's secret or a new one, and keeps the secret
 * when the URL is this dashboard's own. Should keeping it fail, the subscription is deleted
 * again: deliveries nobody can verify would only be refused.
 */
export async function createSubscription(
  who: Acting,
  input: CreateWebhookInput,
  database?: Db,
): Promise<CreatedWebhook> {
  const secret = input.shared_secret ?? newSharedSecret();
  const sub = await who.jiko.createSubscription({ ...input, shared_secret: secret });
  let kept: boolean;
  try {
    kept = await rememberSubscription(
      {
        subscriptionId: sub.id,
        customerId: who.customerId,
        url: sub.url,
        secret,
        enabled: sub.status === "enabled",
      },
      database,
    );
  } catch (error) {
    await who.jiko.deleteSubscription(sub.id).catch((e: unknown) => {
      log.error({ err: e, subscriptionId: sub.id }, "an unverifiable subscription was left");
    });
    throw error;
  }
  return { subscription_id: sub.id, shared_secret: secret, delivers_here: kept };
}

/**
 * Changes a subscription at Jiko and what the dashboard keeps of it. Moving it to this
 * dashboard's URL needs a secret the dashboard knows: one is made when none is given, and
 * answered once like at creation.
 */
export async function updateSubscription(
  who: Acting,
  id: string,
  change: UpdateSubscriptionRequest,
  database?: Db,
): Promise<{ subscription: Subscription; shared_secret?: string }> {
  const made = change.url === ownWebhookUrl() && !change.shared_secret ? newSharedSecret() : null;
  const body = made ? { ...change, shared_secret: made } : change;
  const sub = await who.jiko.updateSubscription(id, body);
  const secret = body.shared_secret;
  const enabled = sub.status === "enabled";
  if (sub.url === ownWebhookUrl() && secret) {
    await rememberSubscription(
      { subscriptionId: sub.id, customerId: who.customerId, url: sub.url, secret, enabled },
      database,
    );
  } else {
    await updateRememberedSubscription(id, { url: sub.url, enabled, secret }, database);
  }
  return { subscription: sub, ...(made ? { shared_secret: made } : {}) };
}

/** Deleted at Jiko, then forgotten here (also when Jiko had already lost it). */
export async function deleteSubscription(who: Acting, id: string, database?: Db): Promise<void> {
  try {
    await who.jiko.deleteSubscription(id);
  } catch (error) {
    if (error instanceof JikoError && error.code === "not-found")
      await forgetSubscription(id, database);
    throw error;
  }
  await forgetSubscription(id, database);
}

export const NO_TEST_TRIGGER =
  "Jiko's production has no test trigger: test events can be sent only in Jiko's sandbox.";

/**
 * Sends a `webhooks.test` event through Jiko's sandbox trigger. Jiko delivers it to every enabled
 * subscription asking for that event, so one that cannot receive it is refused first, plainly.
 */
export async function sendTestEvent(
  who: Acting,
  id: string,
  now = new Date(),
): Promise<{ event_id: string }> {
  const sub = await who.jiko.subscription(id);
  if (sub.status !== "enabled")
    throw new ApiError(
      "conflict",
      "This subscription is disabled: enable it to send a test event.",
    );
  if (!sub.events.includes(TEST_EVENT))
    throw new ApiError(
      "conflict",
      `This subscription does not receive ${TEST_EVENT} events, so a test would not reach it.`,
    );
  const eventId = randomUUID();
  try {
    await who.jiko.triggerWebhook({
      event_id: eventId,
      timestamp: now.toISOString(),
      event_type: TEST_EVENT,
      payload: {},
    });
  } catch (error) {
    if (error instanceof JikoError && error.status === 404)
      throw new ApiError("not-found", NO_TEST_TRIGGER);
    throw error;
  }
  return { event_id: eventId };
}

/** A subscription's recent events, newest first, each with every delivery attempt. */
export const listEvents = (who: Acting, q: Pick<EventListQuery, "subscription_id" | "cursor">) =>
  who.jiko.events({
    subscription_id: q.subscription_id,
    cursor: q.cursor,
    limit: 20,
    order: "desc",
  });

/** How live updates reach this customer's open pages now. */
export async function liveStatus(customerId: string, database?: Db) {
  return { mode: await liveModeFor(customerId, database), webhookUrl: ownWebhookUrl() };
}
