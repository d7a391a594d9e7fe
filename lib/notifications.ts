/**
 * The bell's pure side: what counts as unread, and how the count reads. Shared by the route
 * handlers and the header; how one notification reads in the opened panel is in
 * lib/notification-items.ts, which loads with the panel. What the routes answer is in
 * lib/notification-schemas.ts, which the header loads only with an answer.
 */
import type { CustomerNotification } from "./jiko/events";

/** Only an explicit UNREAD counts: a status Jiko leaves empty is never a pending alert. */
export const isUnread = (n: Pick<CustomerNotification, "status">) => n.status === "UNREAD";

/** The badge's text: the exact count up to 99, then "99+". */
export function unreadBadge(count: number, capped = false): string {
  return count > 99 || (capped && count >= 99) ? "99+" : String(count);
}

/** The bell's accessible name, e.g. "Notifications, 3 unread". */
export function bellLabel(count: number, capped = false): string {
  if (count === 0) return "Notifications, none unread";
  return `Notifications, ${unreadBadge(count, capped)} unread`;
}
