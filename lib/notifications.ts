/**
 * The bell's pure side: where a notification leads, and how its age and the unread count read.
 * Shared by the route handlers and the header; what the routes answer is in
 * lib/notification-schemas.ts, which the header loads only with an answer.
 */
import type { CustomerNotification } from "./jiko/events";

/** Only an explicit UNREAD counts: a status Jiko leaves empty is never a pending alert. */
export const isUnread = (n: Pick<CustomerNotification, "status">) => n.status === "UNREAD";

const idIn = (n: CustomerNotification, key: string): string | null => {
  const v = n.notification_metadata?.[key];
  return typeof v === "string" && v.length > 0 ? v : null;
};

/**
 * The dashboard page a notification opens, or null when Treasury Desk has no page for it (it is
 * then only marked read). A request awaiting review opens the approval queue; a decided request
 * of mine opens my requests with that one highlighted (the transfers page's `made`); a report
 * opens the reports page.
 */
export function notificationHref(n: CustomerNotification): string | null {
  switch (n.type) {
    case "TRANSFER_REQUEST_AWAITING_REVIEW":
      return "/approvals";
    case "TRANSFER_REQUEST_DECIDED": {
      const id = idIn(n, "transfer_request_id");
      return id ? `/transfers?view=mine&made=${encodeURIComponent(id)}` : "/transfers?view=mine";
    }
    case "REPORT_READY":
      return "/reports";
    default:
      // A kind Jiko adds later still leads somewhere sensible when it names a report.
      return idIn(n, "report_id") ? "/reports" : null;
  }
}

/** The badge's text: the exact count up to 99, then "99+". */
export function unreadBadge(count: number, capped = false): string {
  return count > 99 || (capped && count >= 99) ? "99+" : String(count);
}

/** The bell's accessible name, e.g. "Notifications, 3 unread". */
export function bellLabel(count: number, capped = false): string {
  if (count === 0) return "Notifications, none unread";
  return `Notifications, ${unreadBadge(count, capped)} unread`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago": the age of `iso` at `now`. */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  const format = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (abs >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(seconds < 0 ? -1 : 1, "minute");
}
