import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  customRangeIssues,
  earningsParamsOf,
  pocketPeriodToSearch,
  readPocketPeriod,
} from "./pocket-period";
import { customRange, EarningsQuery } from "./pocket-period-schemas";

const messages = (r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) =>
  r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-06-16T00:00:00Z")); // the 15th in New York
});
afterEach(() => vi.useRealTimers());

describe("custom earnings range", () => {
  it("refuses an end after today in New York, naming the field and the span", () => {
    expect(messages(customRange().safeParse({ from: "2026-06-01", to: "2026-06-16" }))).toEqual({
      to: "To must be between 2000-01-01 and today (2026-06-15, New York)",
    });
    expect(customRange().safeParse({ from: "2026-06-01", to: "2026-06-15" }).success).toBe(true);
  });
  it("starts no earlier than the pocket's opening day, and 'to' not before 'from'", () => {
    expect(
      messages(customRange("2025-03-04").safeParse({ from: "2025-03-03", to: "2025-04-01" })),
    ).toEqual({
      from: "From must be on or after 2025-03-04, the day the pocket opened",
    });
    expect(messages(customRange().safeParse({ from: "2026-02-01", to: "2026-01-01" }))).toEqual({
      to: "To must not be before From",
    });
  });
  it("is checked as typed without zod, by the same rules", () => {
    expect(customRangeIssues("2026-02-30", "2026-03-01")).toEqual({
      from: "From: enter a date like 2026-01-31",
    });
    expect(customRangeIssues("", "0001-01-01")).toEqual({
      from: "From: enter a date like 2026-01-31",
      to: "To must be between 2000-01-01 and today (2026-06-15, New York)",
    });
    expect(customRangeIssues("2025-03-03", "2025-03-01", "2025-03-04")).toEqual({
      from: "From must be on or after 2025-03-04, the day the pocket opened",
      to: "To must not be before From",
    });
    expect(customRangeIssues("2024-02-29", "2026-06-15")).toEqual({});
    for (const [from, to] of [
      ["2026-02-30", "2026-03-01"],
      ["2025-03-03", "2025-03-01"],
      ["2026-05-01", "2026-05-31"],
    ] as const) {
      expect(messages(customRange().safeParse({ from, to }))).toEqual(customRangeIssues(from, to));
    }
  });
  it("is checked the same way by the route's query schema", () => {
    expect(
      messages(EarningsQuery.safeParse({ period: "range", from: "2026-06-01", to: "2099-01-01" })),
    ).toEqual({
      to: "To must be between 2000-01-01 and today (2026-06-15, New York)",
    });
    expect(EarningsQuery.parse({ period: "mtd" })).toEqual({ period: "mtd" });
  });
  it("needs both ends of a custom earnings range, in order", () => {
    expect(EarningsQuery.safeParse({ period: "range", from: "2026-01-01" }).success).toBe(false);
    expect(
      EarningsQuery.safeParse({ period: "range", from: "2026-02-01", to: "2026-01-01" }).success,
    ).toBe(false);
    expect(EarningsQuery.parse({}).period).toBe("all-time");
  });
});

describe("earnings period in the URL", () => {
  it("reads the period, defaulting to the month, and maps it to Jiko's names", () => {
    expect(readPocketPeriod(new URLSearchParams(""))).toEqual({
      period: "month",
      from: "",
      to: "",
    });
    expect(readPocketPeriod({ period: "nonsense" }).period).toBe("month");
    expect(earningsParamsOf(readPocketPeriod({ period: "all" }))).toEqual({ period: "all-time" });
    expect(earningsParamsOf(readPocketPeriod({ period: "week" }))).toEqual({ period: "wtd" });
    expect(
      earningsParamsOf(
        readPocketPeriod({ period: "custom", from: "2026-05-01", to: "2026-05-31" }),
      ),
    ).toEqual({ period: "range", from: "2026-05-01", to: "2026-05-31" });
    expect(
      earningsParamsOf(
        readPocketPeriod({ period: "custom", from: "2026-05-01", to: "2027-01-01" }),
      ),
    ).toBeNull();
  });
  it("writes it back, leaving the default out of the URL", () => {
    expect(pocketPeriodToSearch({ period: "month" })).toBe("");
    expect(pocketPeriodToSearch({ period: "ytd", from: "2026-01-01" })).toBe("period=ytd");
    expect(pocketPeriodToSearch({ period: "custom", from: "2026-05-01", to: "2026-05-31" })).toBe(
      "period=custom&from=2026-05-01&to=2026-05-31",
    );
  });
});
