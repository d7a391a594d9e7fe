import { describe, expect, it } from "vitest";
import type { CustomerNotification } from "./jiko/events";
import { notificationHref, relativeTime } from "./notification-items";

const note = (over: Partial<CustomerNotification>): CustomerNotification => ({
  id: "5d2f8a4e-1b7c-4c1e-9a53-0f3a2d6b7c81",
  title: "Something happened",
  description: "Details",
  status: "UNREAD",
  type: "TRANSFER_REQUEST_AWAITING_REVIEW",
  created_at: "2026-03-10T15:00:00Z",
  notification_metadata: null,
  ...over,
});

describe("notificationHref", () => {
  it("opens the approval queue for a request awaiting my review", () => {
    expect(
      notificationHref(
        note({
          type: "TRANSFER_REQUEST_AWAITING_REVIEW",
          notification_metadata: { transfer_request_id: "tr-1" },
        }),
      ),
    ).toBe("/approvals");
  });

  it("opens my requests with the decided one highlighted", () => {
    expect(
      notificationHref(
        note({
          type: "TRANSFER_REQUEST_DECIDED",
          notification_metadata: { transfer_request_id: "a b&c" },
        }),
      ),
    ).toBe("/transfers?view=mine&made=a%20b%26c");
    expect(notificationHref(note({ type: "TRANSFER_REQUEST_DECIDED" }))).toBe(
      "/transfers?view=mine",
    );
    expect(
      notificationHref(
        note({
          type: "TRANSFER_REQUEST_DECIDED",
          notification_metadata: { transfer_request_id: 7 },
        }),
      ),
    ).toBe("/transfers?view=mine");
  });

  it("opens the reports page for a ready report, and for an unknown kind naming a report", () => {
    expect(
      notificationHref(note({ type: "REPORT_READY", notification_metadata: { report_id: "r" } })),
    ).toBe("/reports");
    expect(
      notificationHref(note({ type: "SOMETHING_NEW", notification_metadata: { report_id: "r" } })),
    ).toBe("/reports");
  });

  it("has no link for a kind Treasury Desk does not know", () => {
    expect(notificationHref(note({ type: "SOMETHING_NEW" }))).toBeNull();
    expect(
      notificationHref(note({ type: "SOMETHING_NEW", notification_metadata: { member_id: "m" } })),
    ).toBeNull();
  });
});

describe("relativeTime", () => {
  const now = new Date("2026-03-10T15:00:00Z");
  const ago = (s: number) => new Date(now.getTime() - s * 1000).toISOString();
  it("reads an age in words", () => {
    expect(relativeTime(ago(10), now)).toBe("just now");
    expect(relativeTime(ago(5 * 60), now)).toBe("5 minutes ago");
    expect(relativeTime(ago(2 * 3600 + 59), now)).toBe("2 hours ago");
    expect(relativeTime(ago(86_400 + 60), now)).toBe("yesterday");
    expect(relativeTime(ago(21 * 86_400), now)).toBe("3 weeks ago");
    expect(relativeTime(ago(400 * 86_400), now)).toBe("last year");
  });
});
