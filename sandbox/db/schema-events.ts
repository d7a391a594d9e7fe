/**
 * Events, webhook subscriptions and their deliveries, and people's notifications
 * (lib/jiko/events.ts). Re-exported by schema.ts, so drizzle-kit and the database see one schema.
 */
import { index, integer, jsonb, pgTable, serial, text, timestamp, uuid } from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A customer's webhook subscription; the secret signs deliveries and is never returned. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: serial("seq").notNull(),
    customerId: uuid("customer_id").notNull(),
    description: text("description").notNull(),
    url: text("url").notNull(),
    events: jsonb("events").$type<string[]>().notNull(),
    retryPolicy: jsonb("retry_policy").$type<Record<string, unknown> | null>(),
    sharedSecret: text("shared_secret").notNull(),
    /** enabled | disabled */
    status: text("status").notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    /** Deleted subscriptions stay for their delivery history, invisible to the API. */
    deletedAt: ts("deleted_at"),
  },
  (t) => [index("subscriptions_customer_idx").on(t.customerId, t.createdAt, t.seq)],
);

/** Something that happened to a customer's objects. `timestamp` is wall-clock time. */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey(),
    seq: serial("seq").notNull(),
    customerId: uuid("customer_id").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    timestamp: ts("timestamp").notNull(),
  },
  (t) => [index("events_customer_idx").on(t.customerId, t.timestamp, t.seq)],
);

/** One event owed to one subscription: pending until delivered, given up or dropped. */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: serial("seq").notNull(),
    eventId: uuid("event_id").notNull(),
    subscriptionId: uuid("subscription_id").notNull(),
    /** pending | delivered | failed | dropped */
    state: text("state").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** Wall-clock time of the next attempt. */
    nextAt: ts("next_at").notNull(),
  },
  (t) => [
    index("deliveries_due_idx").on(t.state, t.nextAt),
    index("deliveries_event_idx").on(t.eventId),
    index("deliveries_subscription_idx").on(t.subscriptionId, t.eventId),
  ],
);

/** Every HTTP call made for a delivery (DeliveryAttemptDetails). */
export const deliveryAttempts = pgTable(
  "delivery_attempts",
  {
    id: uuid("id").primaryKey(),
    seq: serial("seq").notNull(),
    eventId: uuid("event_id").notNull(),
    subscriptionId: uuid("subscription_id").notNull(),
    success: integer("success").notNull(),
    responseCode: integer("response_code").notNull(),
    responseMessage: text("response_message"),
    calledAt: ts("called_at").notNull(),
    latencyMs: integer("latency_ms").notNull(),
  },
  (t) => [index("delivery_attempts_event_idx").on(t.eventId, t.seq)],
);

/**
 * Emissions due later on the sandbox clock (a report turning ready): the worker emits each once
 * its time has come, with the notification it carries.
 */
export const scheduledEvents = pgTable(
  "scheduled_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** Sandbox-clock time it is due. */
    dueAt: ts("due_at").notNull(),
    /** `{memberId, type, title, description, metadata}` or null. */
    notification: jsonb("notification").$type<Record<string, unknown> | null>(),
  },
  (t) => [index("scheduled_events_due_idx").on(t.dueAt)],
);

/** A notification for one team member (CustomerNotification). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: serial("seq").notNull(),
    memberId: uuid("member_id").notNull(),
    type: text("type").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** READ | UNREAD */
    status: text("status").notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("notifications_member_idx").on(t.memberId, t.createdAt, t.seq)],
);
