/**
 * The report form's checks before it is sent (the 31-day cap, dates in order, each issue naming
 * its field), and the reports route's check of Jiko's request body.
 */
import { z } from "zod";
import { boundedDay } from "./filter-schemas";
import { daysBetween } from "./jiko/business-days";
import {
  CreateReportRequest,
  MAX_REPORT_RANGE_DAYS,
  OutputFormat,
  REPORT_FORMATS,
  ReportType,
} from "./jiko/reports";
import { REPORT_FIELDS } from "./report-form";

/**
 * A date field's problem, if any: missing (`empty`), or outside EARLIEST_DAY..today (New York),
 * in the words of the transactions filters' rule, which names the field and the allowed span.
 */
function dayProblem(value: string, label: string, empty: string): string | undefined {
  if (!z.iso.date().safeParse(value).success) return empty;
  const bounded = boundedDay(label).safeParse(value);
  return bounded.success ? undefined : bounded.error.issues[0]?.message;
}

export const ReportForm = z
  .object({
    report_type: ReportType,
    output_format: OutputFormat,
    pocket_ids: z.array(z.uuid()),
    day: z.string(),
    date_from: z.string(),
    date_to: z.string(),
    date_type: z.enum(["BOOK_DATE", "SETTLEMENT_DATE"]),
  })
  .superRefine((f, ctx) => {
    const fields = REPORT_FIELDS[f.report_type];
    if (!(REPORT_FORMATS[f.report_type] as readonly string[]).includes(f.output_format)) {
      ctx.addIssue({
        code: "custom",
        path: ["output_format"],
        message: "Choose a format this report offers",
      });
    }
    if (fields.pockets === "required" && f.pocket_ids.length === 0) {
      ctx.addIssue({ code: "custom", path: ["pocket_ids"], message: "Choose at least one pocket" });
    }
    const dayIssue = fields.day && dayProblem(f.day, "Day", "Choose the day to report on");
    if (dayIssue) ctx.addIssue({ code: "custom", path: ["day"], message: dayIssue });
    if (fields.range) {
      const fromIssue = dayProblem(f.date_from, "From", "Choose a start date");
      const toIssue = dayProblem(f.date_to, "To", "Choose an end date");
      if (fromIssue) ctx.addIssue({ code: "custom", path: ["date_from"], message: fromIssue });
      if (toIssue) ctx.addIssue({ code: "custom", path: ["date_to"], message: toIssue });
      const from = !fromIssue;
      const to = !toIssue;
      if (from && to && f.date_from > f.date_to) {
        ctx.addIssue({ code: "custom", path: ["date_to"], message: "The end is before the start" });
      } else if (from && to && daysBetween(f.date_from, f.date_to) + 1 > MAX_REPORT_RANGE_DAYS) {
        ctx.addIssue({
          code: "custom",
          path: ["date_to"],
          message: `At most ${MAX_REPORT_RANGE_DAYS} days in one report`,
        });
      }
    }
  });
export type ReportForm = z.infer<typeof ReportForm>;

/**
 * Jiko's request body as the reports route accepts it: the contract's shape, and every date
 * between EARLIEST_DAY and today (New York), each issue naming its field.
 */
export const ReportRequestBody = CreateReportRequest.superRefine((r, ctx) => {
  const dates: [string, string][] = [
    ["reporting_date", "Day"],
    ["as_of_date", "Day"],
    ["date_from", "From"],
    ["date_to", "To"],
  ];
  for (const [key, label] of dates) {
    const value = (r as Record<string, unknown>)[key];
    if (typeof value !== "string") continue;
    const problem = dayProblem(value, label, `${label}: enter a date like 2026-01-31`);
    if (problem) ctx.addIssue({ code: "custom", path: [key], message: problem });
  }
});
