import "server-only";
import type { CustomerNotification, NotificationList, NotificationStatus } from "@/lib/jiko/events";
import {
  FEED_LIMIT,
  type MarkAllResult,
  type NotificationFeed,
  type NotificationFilter,
} from "@/lib/notification-schemas";
import { isUnread } from "@/lib/notifications";
import type { JikoClient } from "../jiko";
import { isJikoError } from "../jiko/errors";
import { walk } from "../transfers/lists";

type NotificationsApi = Pick<JikoClient, "notifications" | "markNotification">;

/** Pages of unread notifications the count walks: past 300 the badge reads "99+" anyway. */
const UNREAD_PAGES = 3;
const PAGE = 100;

async function unreadWalk(jiko: NotificationsApi) {
  let capped = false;
  const items = await walk(async (cursor) => {
    const page = await jiko.notifications({ status: "UNREAD", cursor, limit: PAGE });
    capped = page.next_page !== null;
    return page;
  }, UNREAD_PAGES);
  return { items, capped };
}

/**
 * The bell's first page (newest first, at most FEED_LIMIT) and the unread count. One Jiko call
 * when everything fits in the first page; otherwise the unread ones are walked (bounded).
 */
export async function notificationFeed(
  jiko: NotificationsApi,
  filter: NotificationFilter,
): Promise<NotificationFeed> {
  if (filter === "UNREAD") {
    const { items, capped } = await unreadWalk(jiko);
    return { items: items.slice(0, FEED_LIMIT), unread: items.length, capped };
  }
  const status = filter === "all" ? undefined : filter;
  const first: NotificationList = await jiko.notifications({ status, limit: FEED_LIMIT });
  if (filter === "all" && first.next_page === null) {
    return { items: first.items, unread: first.items.filter(isUnread).length, capped: false };
  }
  const unread = await unreadWalk(jiko);
  return { items: first.items, unread: unread.items.length, capped: unread.capped };
}

/** Marks one notification read or unread (Jiko answers 404 for someone else's). */
export const markNotification = (
  jiko: NotificationsApi,
  id: string,
  status: NotificationStatus,
): Promise<CustomerNotification> => jiko.markNotification(id, status);

/** At most this many are marked per "mark all read"; the answer says whether some are left. */
export const MARK_ALL_LIMIT = 100;
/** Marked a few at a time, within Jiko's rate limits. */
const CONCURRENCY = 4;

/** Marks the newest MARK_ALL_LIMIT unread notifications read. */
export async function markAllRead(jiko: NotificationsApi): Promise<MarkAllResult> {
  const page = await jiko.notifications({ status: "UNREAD", limit: MARK_ALL_LIMIT });
  const queue = page.items.filter(isUnread).map((n) => n.id);
  let marked = 0;
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        await jiko.markNotification(id, "READ");
        marked++;
      } catch (error) {
        // One that vanished meanwhile is no reason to stop marking the others.
        if (!(isJikoError(error) && error.code === "not-found")) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { marked, remaining: page.next_page !== null };
}
