/**
 * The two answers the dashboard's header asks for on every page (the bell's feed and the approvals
 * count), checked by hand: loading zod for them would make every page's first load 28 kB heavier,
 * when most pages otherwise show only what the server sent with them. The feed's check takes the
 * fields of its schema (lib/notification-schemas.ts), formats included but for the ids' (UUIDs,
 * taken as strings); lib/shell-answers.test.ts holds the two together. The routes build these
 * answers from Jiko's data, which the server checked with the schemas.
 */
import { ApiClientError } from "./api-error";
import { ERROR_MESSAGES } from "./errors";
import type { CustomerNotification } from "./jiko/events";
import type { NotificationFeed } from "./notification-schemas";

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isString = (v: unknown): v is string => typeof v === "string";
/** An ISO date-time with its zone, as Jiko writes them. */
const isDateTime = (v: unknown): v is string =>
  isString(v) && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(v);

function refuse(): never {
  throw new ApiClientError("internal", ERROR_MESSAGES.internal, 200);
}

function notification(v: unknown): CustomerNotification {
  if (
    !isObject(v) ||
    !isString(v.id) ||
    !isString(v.title) ||
    !isString(v.description) ||
    !(v.status === "READ" || v.status === "UNREAD" || v.status === null) ||
    !isString(v.type) ||
    !isDateTime(v.created_at) ||
    !(v.notification_metadata == null || isObject(v.notification_metadata)) ||
    !(v.object_type === undefined || v.object_type === "CustomerNotification")
  ) {
    refuse();
  }
  return v as CustomerNotification;
}

/** `GET /api/notifications`: the first page and the unread count. */
export const NotificationFeedCheck = {
  parse(body: unknown): NotificationFeed {
    if (!isObject(body) || !Array.isArray(body.items)) refuse();
    if (!isCount(body.unread) || typeof body.capped !== "boolean") refuse();
    return { items: body.items.map(notification), unread: body.unread, capped: body.capped };
  },
};

/** `GET /api/transfer-requests/awaiting-count`. */
export const AwaitingCountCheck = {
  parse(body: unknown): { count: number } {
    if (!isObject(body) || !isCount(body.count)) refuse();
    return { count: body.count };
  },
};
