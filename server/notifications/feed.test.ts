import { describe, expect, it } from "vitest";
import type { CustomerNotification, NotificationStatus } from "@/lib/jiko/events";
import { JikoError } from "../jiko/errors";
import { MARK_ALL_LIMIT, markAllRead, notificationFeed } from "./feed";

/** A Jiko notifications list in memory: newest first, cursor = offset, like the sandbox. */
function fakeJiko(statuses: NotificationStatus[], opts: { vanished?: Set<number> } = {}) {
  const base = Date.parse("2026-03-10T15:00:00Z");
  const store: CustomerNotification[] = statuses.map((status, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    title: `Notification ${i}`,
    description: "",
    status,
    type: "REPORT_READY",
    created_at: new Date(base - i * 60_000).toISOString(),
    notification_metadata: { report_id: `r${i}` },
  }));
  const calls = { list: 0, mark: 0, inFlight: 0, maxInFlight: 0 };
  const jiko = {
    notifications: async (
      q: { status?: NotificationStatus; cursor?: string; limit?: number } = {},
    ) => {
      calls.list++;
      const all = store.filter((n) => !q.status || n.status === q.status);
      const from = Number(q.cursor || 0);
      const to = from + (q.limit ?? 100);
      return {
        prev_page: null as string | null,
        next_page: to < all.length ? String(to) : null,
        items: all.slice(from, to),
        object_type: "CursorList" as const,
      };
    },
    markNotification: async (id: string, status: NotificationStatus) => {
      calls.mark++;
      calls.inFlight++;
      calls.maxInFlight = Math.max(calls.maxInFlight, calls.inFlight);
      await new Promise((r) => setTimeout(r, 1));
      calls.inFlight--;
      const i = store.findIndex((n) => n.id === id);
      if (opts.vanished?.has(i)) throw new JikoError("not-found", 404, "Notification not found");
      store[i]!.status = status;
      return store[i]!;
    },
  };
  return { jiko, store, calls };
}

const unreadCount = (store: CustomerNotification[]) =>
  store.filter((n) => n.status === "UNREAD").length;

describe("notificationFeed", () => {
  it("counts unread ones from the first page when everything fits: one Jiko call", async () => {
    const { jiko, calls } = fakeJiko(["UNREAD", "READ", "UNREAD", "READ"]);
    const feed = await notificationFeed(jiko, "all");
    expect(feed.items.map((n) => n.title)).toEqual([0, 1, 2, 3].map((i) => `Notification ${i}`));
    expect(feed.unread).toBe(2);
    expect(feed.capped).toBe(false);
    expect(calls.list).toBe(1);
  });

  it("lists the newest 50 and walks the unread ones when there are more", async () => {
    const statuses = Array.from(
      { length: 120 },
      (_, i): NotificationStatus => (i % 3 === 0 ? "UNREAD" : "READ"),
    );
    const { jiko, store } = fakeJiko(statuses);
    const feed = await notificationFeed(jiko, "all");
    expect(feed.items).toHaveLength(50);
    expect(feed.items[0]!.title).toBe("Notification 0");
    expect(feed.unread).toBe(unreadCount(store));
    expect(feed.capped).toBe(false);
    const read = await notificationFeed(jiko, "READ");
    expect(read.items.every((n) => n.status === "READ")).toBe(true);
    expect(read.unread).toBe(40);
  });

  it("stops counting after three pages of unread ones and says so", async () => {
    const { jiko, calls } = fakeJiko(Array.from({ length: 350 }, () => "UNREAD" as const));
    const feed = await notificationFeed(jiko, "UNREAD");
    expect(feed.items).toHaveLength(50);
    expect(feed.unread).toBe(300);
    expect(feed.capped).toBe(true);
    expect(calls.list).toBe(3);
  });
});

describe("markAllRead", () => {
  it("marks every unread one read, a few at a time", async () => {
    const { jiko, store, calls } = fakeJiko([
      "UNREAD",
      "READ",
      "UNREAD",
      "UNREAD",
      "UNREAD",
      "UNREAD",
      "UNREAD",
    ]);
    expect(await markAllRead(jiko)).toEqual({ marked: 6, remaining: false });
    expect(unreadCount(store)).toBe(0);
    expect(calls.mark).toBe(6);
    expect(calls.maxInFlight).toBeLessThanOrEqual(4);
    expect(calls.maxInFlight).toBeGreaterThan(1);
  });

  it("is bounded, and says when some are left", async () => {
    const { jiko, store } = fakeJiko(
      Array.from({ length: MARK_ALL_LIMIT + 5 }, () => "UNREAD" as const),
    );
    expect(await markAllRead(jiko)).toEqual({ marked: MARK_ALL_LIMIT, remaining: true });
    expect(unreadCount(store)).toBe(5);
    // The newest are the ones marked.
    expect(store[0]!.status).toBe("READ");
    expect(store.at(-1)!.status).toBe("UNREAD");
  });

  it("goes on past one that vanished meanwhile, but not past other failures", async () => {
    const { jiko, store } = fakeJiko(["UNREAD", "UNREAD", "UNREAD"], { vanished: new Set([1]) });
    expect(await markAllRead(jiko)).toEqual({ marked: 2, remaining: false });
    expect(store[0]!.status).toBe("READ");
    const failing = fakeJiko(["UNREAD"]);
    failing.jiko.markNotification = async () => {
      throw new JikoError("unavailable", 503, "down");
    };
    await expect(markAllRead(failing.jiko)).rejects.toThrow("down");
  });
});
