/**
 * How one notification reads in the bell's opened panel: the page it leads to and its age. Loaded
 * with the panel, not with every page (the header's side is lib/notifications.ts).
 */
import type { CustomerNotification } from "./jiko/events";

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
