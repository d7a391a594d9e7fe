/** What the notification routes accept and answer. */
import { z } from "zod";
import { CustomerNotification } from "./jiko/events";

export { CustomerNotification };

/** The list filter the bell's route accepts: Jiko's two statuses, or both. */
export const NotificationFilter = z.enum(["UNREAD", "READ", "all"]);
export type NotificationFilter = z.infer<typeof NotificationFilter>;

/** The most notifications one answer lists (the first page, newest first). */
export const FEED_LIMIT = 50;

/** `GET /api/notifications`: the first page and how many are unread (capped, see `capped`). */
export const NotificationFeed = z.object({
  items: z.array(CustomerNotification),
  unread: z.number().int().nonnegative(),
  /** True when there were more unread ones than the count walked. */
  capped: z.boolean(),
});
export type NotificationFeed = z.infer<typeof NotificationFeed>;

/** `POST /api/notifications/read-all`: how many were marked, and whether some are left. */
export const MarkAllResult = z.object({ marked: z.number().int(), remaining: z.boolean() });
export type MarkAllResult = z.infer<typeof MarkAllResult>;
