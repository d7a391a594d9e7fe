"use client";

import { Bell } from "lucide-react";
import { lazy } from "react";
import { DeferredMenu } from "@/components/ui/deferred-menu";
import { bellLabel, unreadBadge } from "@/lib/notifications";
import { useNotifications } from "./hooks";

// The panel (Radix's menu) loads on first use: the count is all most page loads need.
const loadPanel = () => import("./notification-panel");
const NotificationPanel = lazy(() => loadPanel().then((m) => ({ default: m.NotificationPanel })));

/** The header's bell: the unread count, and a panel of the newest notifications. */
export function NotificationBell() {
  const feed = useNotifications();
  const unread = feed.data?.unread ?? 0;
  const capped = feed.data?.capped ?? false;
  const trigger = {
    "aria-label": bellLabel(unread, capped),
    "data-testid": "notification-bell",
    className:
      "relative grid size-10 place-items-center rounded-full text-ink-700 hover:bg-ink-100 dark:text-ink-200 dark:hover:bg-ink-800",
    children: (
      <>
        <Bell aria-hidden="true" className="size-5" />
        {unread > 0 && (
          <span
            data-testid="notification-count"
            className="absolute top-0 right-0 min-w-5 rounded-full bg-amber-100 px-1 text-center text-xs leading-5 font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100"
          >
            {unreadBadge(unread, capped)}
          </span>
        )}
      </>
    ),
  };
  return (
    <DeferredMenu
      trigger={trigger}
      load={loadPanel}
      menu={<NotificationPanel trigger={trigger} />}
    />
  );
}
