import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReportForm, ReportRequestBody } from "./report-form-schemas";

const POCKET = "11111111-1111-4111-8111-111111111111";
const form = (over: Partial<ReportForm>) => ({
  report_type: "BANK_STATEMENT_REPORT" as const,
  output_format: "CAMT053" as const,
  pocket_ids: [POCKET],
  day: "2026-06-01",
  date_from: "",
  date_to: "",
  date_type: "BOOK_DATE" as const,
  ...over,
});
const issues = (r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) =>
  r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  // 2026-06-15 20:00 in New York, already the 16th in UTC.
  vi.setSystemTime(new Date("2026-06-16T00:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("report form dates", () => {
  it("refuses a statement for a future day, naming the field and the allowed span", () => {
    expect(issues(ReportForm.safeParse(form({ day: "2026-06-16" })))).toEqual({
      day: "Day must be between 2000-01-01 and today (2026-06-15, New York)",
    });
    expect(ReportForm.safeParse(form({ day: "2026-06-15" })).success).toBe(true);
    expect(issues(ReportForm.safeParse(form({ day: "1999-12-31" }))).day).toMatch(/^Day must be/);
    expect(issues(ReportForm.safeParse(form({ day: "" }))).day).toBe("Choose the day to report on");
  });
  it("refuses a range reaching into the future under the field concerned", () => {
    const r = ReportForm.safeParse(
      form({
        report_type: "TRADE_REPORT",
        output_format: "CSV",
        date_from: "2026-06-10",
        date_to: "2026-07-01",
      }),
    );
    expect(issues(r)).toEqual({
      date_to: "To must be between 2000-01-01 and today (2026-06-15, New York)",
    });
  });
});

describe("report request body at the route", () => {
  it("answers with the body's field named for a future reporting or as-of date", () => {
    const bank = ReportRequestBody.safeParse({
      report_type: "BANK_STATEMENT_REPORT",
      output_format: "CAMT053",
      pocket_ids: [POCKET],
      reporting_date: "2026-12-31",
    });
    expect(issues(bank)).toEqual({
      reporting_date: "Day must be between 2000-01-01 and today (2026-06-15, New York)",
    });
    const position = ReportRequestBody.safeParse({
      report_type: "POSITION_SUMMARY_REPORT",
      output_format: "CSV",
      as_of_date: "2026-06-16",
    });
    expect(Object.keys(issues(position))).toEqual(["as_of_date"]);
    expect(
      ReportRequestBody.safeParse({
        report_type: "SECURITY_PRICE_REPORT",
        output_format: "KYRIBA_CSV",
        date_from: "2026-06-01",
        date_to: "2026-06-15",
      }).success,
    ).toBe(true);
  });
});
