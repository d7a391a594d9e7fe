import { describe, expect, it } from "vitest";
import { bellLabel, isUnread, unreadBadge } from "./notifications";

describe("unread count", () => {
  it("counts only an explicit UNREAD", () => {
    expect(isUnread({ status: "UNREAD" })).toBe(true);
    expect(isUnread({ status: "READ" })).toBe(false);
    expect(isUnread({ status: null })).toBe(false);
  });

  it("shows the exact count up to 99, then 99+", () => {
    expect(unreadBadge(3)).toBe("3");
    expect(unreadBadge(99)).toBe("99");
    expect(unreadBadge(100)).toBe("99+");
    expect(unreadBadge(99, true)).toBe("99+");
  });

  it("names the bell with its count", () => {
    expect(bellLabel(0)).toBe("Notifications, none unread");
    expect(bellLabel(3)).toBe("Notifications, 3 unread");
    expect(bellLabel(250, true)).toBe("Notifications, 99+ unread");
  });
});
