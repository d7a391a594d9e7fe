/**
 * Webhook subscriptions, the events list and the sandbox's test trigger (lib/jiko/events.ts).
 * Per customer; a subscription's shared secret is stored, never returned. Delete hides the
 * subscription (its delivery history stays in the events list).
 */
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { z } from "zod";
import {
  CreateSubscriptionRequest,
  EVENT_TYPES,
  EventList,
  EventListQuery,
  EventType,
  Subscription,
  SubscriptionList,
  TriggerWebhookRequest,
  UpdateSubscriptionRequest,
} from "../../lib/jiko/events";
import type { SandboxDb } from "../db/open";
import { deliveries, deliveryAttempts, events, subscriptions } from "../db/schema";
import { emitEvent } from "../events/store";
import { decodeCursor, timestampPage } from "../http/cursor";
import { customerOfTeam } from "../pocket-admin";
import { TeamRuleError } from "../team-admin";
import type { Principal } from "./auth";
import { pocketIdOf } from "./pockets";
import { body, parse, RequestInvalid } from "./team";

type Row = typeof subscriptions.$inferSelect;

export function toSubscription(r: Row): Subscription {
  return Subscription.parse({
    id: r.id,
    description: r.description,
    events: r.events,
    url: r.url,
    status: r.status,
    retry_policy: r.retryPolicy ?? null,
    time_created: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
    object_type: "Subscription",
  });
}

const invalid = (loc: (string | number)[], msg: string, input: unknown) =>
  new RequestInvalid([{ loc: ["body", ...loc], msg, type: "value_error", input }]);

/** What zod lets through but a subscription cannot use: a non-HTTP URL, an unknown event. */
function checkTarget(req: { url?: string; events?: string[] }) {
  if (req.url !== undefined && !/^https?:$/.test(new URL(req.url).protocol)) {
    throw invalid(["url"], "URL scheme should be 'http' or 'https'", req.url);
  }
  const bad = (req.events ?? []).findIndex((e) => !EventType.safeParse(e).success);
  if (bad >= 0) {
    throw invalid(
      ["events", bad],
      `Unknown event type; expected one of ${EVENT_TYPES.join(", ")}`,
      req.events![bad],
    );
  }
}

const cursorOf = (q: string) => {
  const cursor = q ? decodeCursor(q, (x) => !Number.isNaN(Date.parse(x))) : undefined;
  if (q && !cursor) {
    throw new RequestInvalid([
      { loc: ["query", "cursor"], msg: "Invalid cursor", type: "value_error", input: q },
    ]);
  }
  return cursor;
};

async function findSubscription(db: SandboxDb, p: Principal, c: Context): Promise<Row> {
  const id = pocketIdOf(c, "subscription_id");
  const customerId = await customerOfTeam(db, p.teamId);
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.id, id),
        eq(subscriptions.customerId, customerId),
        isNull(subscriptions.deletedAt),
      ),
    );
  if (!row) throw new TeamRuleError(404, "Subscription not found");
  return row;
}

export async function postSubscription(db: SandboxDb, p: Principal, c: Context) {
  const req = await body(c, CreateSubscriptionRequest);
  checkTarget(req);
  const customerId = await customerOfTeam(db, p.teamId);
  const now = new Date();
  const [row] = await db
    .insert(subscriptions)
    .values({
      customerId,
      description: req.description,
      url: req.url,
      events: [...new Set(req.events)],
      retryPolicy: req.retry_policy ?? null,
      sharedSecret: req.shared_secret,
      status: "enabled",
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return c.json(toSubscription(row!), 201);
}

const ListQuery = z.object({
  cursor: z.string().default(""),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export async function listSubscriptions(db: SandboxDb, p: Principal, c: Context) {
  const q = parse(ListQuery, c.req.query(), "query");
  const cursor = cursorOf(q.cursor);
  const customerId = await customerOfTeam(db, p.teamId);
  const filter = and(eq(subscriptions.customerId, customerId), isNull(subscriptions.deletedAt));
  const page = await timestampPage({
    cursor,
    limit: q.limit,
    order: "desc",
    filter,
    time: subscriptions.createdAt,
    seq: subscriptions.seq,
    read: (where, orderBy, n) =>
      db
        .select()
        .from(subscriptions)
        .where(where)
        .orderBy(...orderBy)
        .limit(n),
    timeOf: (r) => r.createdAt,
  });
  return SubscriptionList.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items: page.rows.map(toSubscription),
    object_type: "CursorList",
  });
}

export async function getSubscription(db: SandboxDb, p: Principal, c: Context) {
  return toSubscription(await findSubscription(db, p, c));
}

export async function patchSubscription(db: SandboxDb, p: Principal, c: Context) {
  const row = await findSubscription(db, p, c);
  const req = await body(c, UpdateSubscriptionRequest);
  checkTarget(req);
  const [updated] = await db
    .update(subscriptions)
    .set({
      ...(req.description !== undefined && { description: req.description }),
      ...(req.url !== undefined && { url: req.url }),
      ...(req.events !== undefined && { events: [...new Set(req.events)] }),
      ...(req.retry_policy !== undefined && { retryPolicy: req.retry_policy }),
      ...(req.shared_secret !== undefined && { sharedSecret: req.shared_secret }),
      ...(req.status !== undefined && { status: req.status }),
      updatedAt: new Date(),
    })
    .where(eq(subscriptions.id, row.id))
    .returning();
  return c.json(toSubscription(updated!), 202);
}

export async function deleteSubscription(db: SandboxDb, p: Principal, c: Context) {
  const row = await findSubscription(db, p, c);
  const now = new Date();
  await db
    .update(subscriptions)
    .set({ deletedAt: now, updatedAt: now })
    .where(eq(subscriptions.id, row.id));
  return c.json(toSubscription({ ...row, updatedAt: now }), 202);
}

export async function listEvents(db: SandboxDb, p: Principal, c: Context) {
  const q = parse(EventListQuery, c.req.query(), "query");
  const cursor = cursorOf(q.cursor);
  const customerId = await customerOfTeam(db, p.teamId);
  const filter = and(
    eq(events.customerId, customerId),
    q.after ? gt(events.timestamp, new Date(q.after)) : undefined,
    q.subscription_id
      ? inArray(
          events.id,
          db
            .select({ id: deliveries.eventId })
            .from(deliveries)
            .where(eq(deliveries.subscriptionId, q.subscription_id)),
        )
      : undefined,
  );
  const page = await timestampPage({
    cursor,
    limit: q.limit,
    order: q.order,
    filter,
    time: events.timestamp,
    seq: events.seq,
    read: (where, orderBy, n) =>
      db
        .select()
        .from(events)
        .where(where)
        .orderBy(...orderBy)
        .limit(n),
    timeOf: (r) => r.timestamp,
  });
  const ids = page.rows.map((r) => r.id);
  const attempts = ids.length
    ? await db
        .select()
        .from(deliveryAttempts)
        .where(
          and(
            inArray(deliveryAttempts.eventId, ids),
            q.subscription_id ? eq(deliveryAttempts.subscriptionId, q.subscription_id) : undefined,
          ),
        )
        .orderBy(asc(deliveryAttempts.seq))
    : [];
  return EventList.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items: page.rows.map((e) => ({
      event: {
        event_id: e.id,
        event_type: e.type,
        timestamp: e.timestamp.toISOString(),
        payload: e.payload,
      },
      delivery_attempts: attempts
        .filter((a) => a.eventId === e.id)
        .map((a) => ({
          delivery_attempt_id: a.id,
          subscription_id: a.subscriptionId,
          success: a.success === 1,
          response_code: a.responseCode,
          response_message: a.responseMessage,
          called_at: a.calledAt.toISOString(),
          latency_ms: a.latencyMs,
        })),
    })),
    object_type: "CursorList",
  });
}

/**
 * `POST /api/v1/sandbox/webhook/`: emits the given event for the caller's customer, through its
 * subscriptions. The body's `timestamp` is checked, then replaced with now (a receiver rejects a
 * stale one); a repeated `event_id` is refused.
 */
export async function triggerWebhook(db: SandboxDb, p: Principal, c: Context) {
  const req = await body(c, TriggerWebhookRequest);
  const type = EventType.safeParse(req.event_type);
  if (!type.success)
    throw invalid(
      ["event_type"],
      `Unknown event type; expected one of ${EVENT_TYPES.join(", ")}`,
      req.event_type,
    );
  const customerId = await customerOfTeam(db, p.teamId);
  const [seen] = await db.select({ id: events.id }).from(events).where(eq(events.id, req.event_id));
  if (seen) throw new TeamRuleError(409, `An event with the id ${req.event_id} already exists.`);
  await db.transaction((tx) =>
    emitEvent(tx, { customerId, type: type.data, payload: req.payload, id: req.event_id }),
  );
  return c.json({ event_id: req.event_id }, 202);
}
