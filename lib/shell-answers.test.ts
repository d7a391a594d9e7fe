import { describe, expect, it } from "vitest";
import { NotificationFeed } from "./notification-schemas";
import { AwaitingCountCheck, NotificationFeedCheck } from "./shell-answers";

const item = {
  id: "0b8f2c1e-4d5a-4c3b-9a7e-2f1d0c9b8a76",
  title: "Transfer request awaiting your review",
  description: "Avery Chen asks to send $12,500.00 to Brightline Bank.",
  status: "UNREAD",
  type: "transfer_request.created",
  created_at: "2026-11-30T14:05:09.123Z",
  notification_metadata: { transfer_request_id: "5f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a190" },
  object_type: "CustomerNotification",
};
const feed = { items: [item, { ...item, status: null, created_at: "2026-11-29T09:00:00-05:00" }] };
const valid = { ...feed, unread: 1, capped: false };

/** One field broken at a time: the hand check refuses what the schema refuses. */
const broken: [string, unknown][] = [
  ["items missing", { unread: 0, capped: false }],
  ["items not a list", { ...valid, items: {} }],
  ["unread negative", { ...valid, unread: -1 }],
  ["unread fractional", { ...valid, unread: 1.5 }],
  ["capped not a boolean", { ...valid, capped: "no" }],
  ["an item without id", { ...valid, items: [{ ...item, id: undefined }] }],
  ["a numeric title", { ...valid, items: [{ ...item, title: 7 }] }],
  ["an unknown status", { ...valid, items: [{ ...item, status: "SEEN" }] }],
  ["a day for a date-time", { ...valid, items: [{ ...item, created_at: "2026-11-30" }] }],
  [
    "a date-time without zone",
    { ...valid, items: [{ ...item, created_at: "2026-11-30T14:05:09" }] },
  ],
  ["metadata not an object", { ...valid, items: [{ ...item, notification_metadata: "x" }] }],
  ["another object type", { ...valid, items: [{ ...item, object_type: "Notification" }] }],
];

describe("the header's answers, checked by hand", () => {
  it("let the feed through as its schema does", () => {
    expect(NotificationFeedCheck.parse(valid)).toEqual(NotificationFeed.parse(valid));
    const bare = { ...valid, items: [{ ...item, notification_metadata: undefined }] };
    expect(NotificationFeedCheck.parse(bare)).toEqual(NotificationFeed.parse(bare));
  });

  it.each(broken)("refuse a feed with %s, as its schema does", (_, body) => {
    expect(NotificationFeed.safeParse(body).success).toBe(false);
    expect(() => NotificationFeedCheck.parse(body)).toThrow(/Something went wrong on our side/);
  });

  it("read the approvals count, and refuse anything but a whole count", () => {
    expect(AwaitingCountCheck.parse({ count: 3 })).toEqual({ count: 3 });
    for (const body of [{ count: -1 }, { count: "3" }, { count: 2.5 }, {}, null, [3]]) {
      expect(() => AwaitingCountCheck.parse(body)).toThrow(/Something went wrong on our side/);
    }
  });
});
