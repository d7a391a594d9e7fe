/**
 * Events, webhook subscriptions and notifications (auth-and-limits "Webhooks", contract-notes §1,
 * §4 "Subscription" / "Event + delivery attempts", §7).
 *
 * Documented: the paths (`/api/v1/subscriptions/`, `/api/v1/events/`, `/api/v1/notifications/`);
 * CreateSubscriptionRequest `{description, events, url, retry_policy, shared_secret ≥ 16}`;
 * the Subscription object (never its secret) with status `enabled | disabled`; create answers
 * 201, update and delete 202; RetryPolicy's five fields; the events list item
 * `{event, delivery_attempts}` filtered by `subscription_id` and `after`; DeliveryAttemptDetails;
 * the delivery envelope `{event_id, event_type, timestamp, payload, customer_id}` signed in
 * `x-jiko-signature` = base64(HMAC-SHA256(shared_secret, raw body)); the `transfers.*` event
 * names; CustomerNotification's fields, its READ | UNREAD status and the list's `status` filter.
 *
 * INFERRED, in Jiko's style, here (with ./event-terms.ts, its half without zod) and nowhere else:
 * - Event names for what Jiko's published table leaves out (EVENT_TYPES, marked).
 * - Payload fields beyond the published on-us example.
 * - RetryPolicy defaults and bounds when a subscription omits it (DEFAULT_RETRY_POLICY): the
 *   documented example's 30 s initial and 300 s maximum interval, doubling, five attempts.
 * - `latency_ms` on a delivery attempt: the emulator adds it; Jiko's schema does not show it, so
 *   it is optional and pages show it only when present.
 * - Notification `type` values and `notification_metadata` (which object it is about), and the
 *   PATCH body `{status}`.
 * - `POST /api/v1/sandbox/webhook/` (published for the Partner API's sandbox) to send a test
 *   event through a subscription; production answers 404.
 * - Scopes: events are read with `subscriptions.read` (ENDPOINT_SCOPES).
 * - Every list here is a cursor list, newest first.
 */
import { z } from "zod";
import { cursorList, IsoDateTime } from "./common";
import { EVENT_TYPES } from "./event-terms";

// The webhooks page draws the event names and the retry defaults at first load: no zod there.
export * from "./event-terms";

/** The header that carries a delivery's signature. */
export const SIGNATURE_HEADER = "x-jiko-signature";

export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/**
 * Payload fields, all optional: each event type carries the ids of what changed (INFERRED beyond
 * the published on-us `{on_us_id, transaction_activity_id, receiving_pocket_id}`). Unknown
 * fields pass through, so a richer payload from Jiko is never refused.
 */
export const EventPayload = z
  .object({
    transfer_request_id: z.string().optional(),
    wire_id: z.string().optional(),
    on_us_id: z.string().optional(),
    transaction_activity_id: z.string().optional(),
    transaction_id: z.string().optional(),
    pocket_id: z.string().optional(),
    receiving_pocket_id: z.string().optional(),
    counterparty_id: z.string().optional(),
    member_id: z.string().optional(),
    team_id: z.string().optional(),
    report_id: z.string().optional(),
    status: z.string().optional(),
  })
  .catchall(z.unknown());
export type EventPayload = z.infer<typeof EventPayload>;

/**
 * EventDetails: one thing that happened. `event_type` is a plain string here so an event type
 * Jiko adds later is listed, not refused; `EventType.safeParse` tells the known ones.
 */
export const JikoEvent = z.object({
  event_id: z.uuid(),
  event_type: z.string(),
  timestamp: IsoDateTime,
  payload: EventPayload,
});
export type JikoEvent = z.infer<typeof JikoEvent>;

/** What a subscription's URL receives, exactly these bytes signed. */
export const WebhookDelivery = JikoEvent.extend({ customer_id: z.uuid() });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const DeliveryAttempt = z.object({
  delivery_attempt_id: z.uuid(),
  subscription_id: z.uuid(),
  success: z.boolean(),
  /** 0 when no answer came (refused connection, deadline). */
  response_code: z.number().int(),
  response_message: z.string().nullish(),
  called_at: IsoDateTime,
  /** INFERRED extension: how long the call took. */
  latency_ms: z.number().int().nonnegative().optional(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const EventListItem = z.object({
  event: JikoEvent,
  delivery_attempts: z.array(DeliveryAttempt),
});
export type EventListItem = z.infer<typeof EventListItem>;
export const EventList = cursorList(EventListItem);
export type EventList = z.infer<typeof EventList>;

/** `GET /api/v1/events/` query. `after`: only events with a timestamp after this instant. */
export const EventListQuery = z.object({
  subscription_id: z.uuid().optional(),
  after: IsoDateTime.optional(),
  cursor: z.string().default(""),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

export const RetryPolicy = z.object({
  retry_on_status_codes: z.array(z.number().int().min(100).max(599)),
  backoff_coefficient: z.number().min(1).max(10),
  maximum_attempts: z.number().int().min(1).max(20),
  initial_interval_seconds: z.number().int().min(1).max(3600),
  maximum_interval_seconds: z.number().int().min(1).max(86_400),
});
export type RetryPolicy = z.infer<typeof RetryPolicy>;

export const SubscriptionStatus = z.enum(["enabled", "disabled"]);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;

export const CreateSubscriptionRequest = z.object({
  description: z.string().max(500).default(""),
  events: z.array(z.string().min(1)).min(1, "Choose at least one event"),
  url: z.url("Enter a full URL, e.g. https://treasury.example.com/api/webhooks/jiko").max(2083),
  retry_policy: RetryPolicy.nullish(),
  shared_secret: z.string().min(16, "The shared secret must be at least 16 characters"),
});
export type CreateSubscriptionRequest = z.input<typeof CreateSubscriptionRequest>;

export const UpdateSubscriptionRequest = z.object({
  description: z.string().max(500).optional(),
  events: z.array(z.string().min(1)).min(1, "Choose at least one event").optional(),
  url: z.url().max(2083).optional(),
  retry_policy: RetryPolicy.nullish(),
  shared_secret: z.string().min(16).optional(),
  status: SubscriptionStatus.optional(),
});
export type UpdateSubscriptionRequest = z.input<typeof UpdateSubscriptionRequest>;

/** A subscription as Jiko returns it: never its shared secret. */
export const Subscription = z.object({
  id: z.uuid(),
  description: z.string(),
  events: z.array(z.string()),
  url: z.string(),
  status: SubscriptionStatus,
  retry_policy: RetryPolicy.nullish(),
  time_created: IsoDateTime,
  updated_at: IsoDateTime,
  object_type: z.literal("Subscription").optional(),
});
export type Subscription = z.infer<typeof Subscription>;
export const SubscriptionList = cursorList(Subscription);

/** Body of the sandbox's test trigger (Partner API's "Trigger Webhook"). */
export const TriggerWebhookRequest = z.object({
  event_id: z.uuid(),
  timestamp: IsoDateTime,
  event_type: z.string().min(1),
  payload: EventPayload,
});
export type TriggerWebhookRequest = z.infer<typeof TriggerWebhookRequest>;

export const NotificationStatus = z.enum(["READ", "UNREAD"]);
export type NotificationStatus = z.infer<typeof NotificationStatus>;

/** INFERRED: the kinds the emulator sends; any other string from Jiko is shown by its title. */
export const NOTIFICATION_TYPES = [
  "TRANSFER_REQUEST_AWAITING_REVIEW",
  "TRANSFER_REQUEST_DECIDED",
  "REPORT_READY",
] as const;

export const CustomerNotification = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  status: NotificationStatus.nullable(),
  type: z.string(),
  created_at: IsoDateTime,
  /** INFERRED: which object the notification is about, e.g. `{transfer_request_id}`. */
  notification_metadata: z.record(z.string(), z.unknown()).nullish(),
  object_type: z.literal("CustomerNotification").optional(),
});
export type CustomerNotification = z.infer<typeof CustomerNotification>;
export const NotificationList = cursorList(CustomerNotification);
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationListQuery = z.object({
  status: NotificationStatus.optional(),
  cursor: z.string().default(""),
  limit: z.coerce.number().int().min(1).max(100).default(100),
});

/** INFERRED body of `PATCH /api/v1/notifications/{id}/`. */
export const UpdateNotificationStatus = z.object({ status: NotificationStatus });
