"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import type { MenuTriggerProps } from "@/components/ui/deferred-menu";
import type { CustomerNotification } from "@/lib/jiko/events";
import { notificationHref, relativeTime } from "@/lib/notification-items";
import { isUnread } from "@/lib/notifications";
import { useNotifications } from "./hooks";
import { useMarkAllRead, useMarkRead } from "./mark-read";

const ITEM =
  "flex w-full cursor-pointer gap-2 rounded-md px-3 py-2 text-left outline-none data-[highlighted]:bg-ink-100 dark:data-[highlighted]:bg-ink-800";

function Row({ n }: { n: CustomerNotification }) {
  const unread = isUnread(n);
  return (
    <>
      <span
        aria-hidden="true"
        className={`mt-1.5 size-2 shrink-0 rounded-full ${unread ? "bg-brand-600 dark:bg-brand-400" : ""}`}
      />
      <span className="min-w-0 flex-1">
        <span className={`block text-sm ${unread ? "font-semibold" : "font-medium"}`}>
          {unread && <span className="sr-only">Unread: </span>}
          {n.title}
        </span>
        {n.description && (
          <span className="block text-sm break-words text-ink-600 dark:text-ink-300">
            {n.description}
          </span>
        )}
        <time
          dateTime={n.created_at}
          title={new Date(n.created_at).toLocaleString("en-US")}
          className="block text-xs text-ink-500 dark:text-ink-400"
        >
          {relativeTime(n.created_at)}
        </time>
      </span>
    </>
  );
}

function Item({
  n,
  onRead,
}: {
  n: CustomerNotification;
  onRead: (n: CustomerNotification) => void;
}) {
  const href = notificationHref(n);
  // Choosing one marks it read and, when Treasury Desk has a page for it, opens that page.
  const onSelect = () => {
    if (isUnread(n)) onRead(n);
  };
  const data = { "data-testid": "notification-item", "data-unread": isUnread(n) || undefined };
  return (
    <Menu.Item asChild onSelect={onSelect}>
      {href ? (
        <Link href={href} className={ITEM} {...data}>
          <Row n={n} />
        </Link>
      ) : (
        <button type="button" className={ITEM} {...data}>
          <Row n={n} />
        </button>
      )}
    </Menu.Item>
  );
}

/** The bell's panel of the newest notifications, loaded on first use (see DeferredMenu); it mounts open. */
export function NotificationPanel({ trigger }: { trigger: MenuTriggerProps }) {
  const feed = useNotifications();
  const markAll = useMarkAllRead();
  // Held here, not per item: the panel closes (and its items unmount) as one is chosen.
  const markRead = useMarkRead();
  const unread = feed.data?.unread ?? 0;
  const items = feed.data?.items ?? [];
  return (
    // Not modal, and rendered inside the header (no portal): the page keeps its landmarks and stays
    // readable to assistive technology while the panel is open, and the panel sits in the banner.
    <Menu.Root modal={false} defaultOpen>
      <Menu.Trigger {...trigger} />
      <Menu.Content
        align="end"
        sideOffset={6}
        collisionPadding={8}
        data-testid="notification-panel"
        className="z-50 max-h-[min(32rem,var(--radix-dropdown-menu-content-available-height))] w-[min(24rem,calc(100vw-1rem))] overflow-y-auto rounded-lg border border-ink-200 bg-white p-1 shadow-lg dark:border-ink-700 dark:bg-ink-900"
      >
        <div className="flex items-center justify-between gap-2 px-3 py-1">
          <Menu.Label className="text-sm font-semibold">Notifications</Menu.Label>
          <Menu.Item
            disabled={unread === 0}
            onSelect={() => markAll.mutate(undefined)}
            className="cursor-pointer rounded-md px-2 py-1 text-sm font-medium text-brand-800 outline-none data-[disabled]:cursor-default data-[disabled]:text-ink-500 data-[highlighted]:bg-ink-100 dark:text-brand-200 dark:data-[disabled]:text-ink-400 dark:data-[highlighted]:bg-ink-800"
          >
            Mark all read
          </Menu.Item>
        </div>
        <Menu.Separator className="my-1 h-px bg-ink-200 dark:bg-ink-700" />
        {feed.isPending ? (
          <p className="px-3 py-2 text-sm text-ink-600 dark:text-ink-300">Loading…</p>
        ) : feed.isError && !feed.data ? (
          <p className="px-3 py-2 text-sm text-ink-600 dark:text-ink-300">
            Notifications could not be loaded. They are tried again shortly.
          </p>
        ) : items.length === 0 ? (
          <p className="px-3 py-2 text-sm text-ink-600 dark:text-ink-300">No notifications yet.</p>
        ) : (
          items.map((n) => <Item key={n.id} n={n} onRead={markRead.mutate} />)
        )}
      </Menu.Content>
    </Menu.Root>
  );
}
