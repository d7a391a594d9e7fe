/**
 * The report form as people fill it: one set of fields, of which each type uses its own, and its
 * turning into Jiko's request body. No zod: the page draws the form at first load; the checks
 * (the 31-day cap, dates in order) are in lib/report-form-schemas.ts, loaded when it is sent.
 */
import type { CreateReportRequest, OutputFormat, ReportType } from "./jiko/reports";
import type { ReportForm } from "./report-form-schemas";

export type { ReportForm };

export const REPORT_LABELS: Record<ReportType, { title: string; help: string }> = {
  BANK_STATEMENT_REPORT: {
    title: "Bank statement (camt.053)",
    help: "End-of-day bank statement for a day, in ISO 20022 camt.053 for your treasury system.",
  },
  BROKERAGE_STATEMENT_REPORT: {
    title: "Brokerage statement (camt.053)",
    help: "The T-bills' opening and closing value for a day, with additions, subtractions and gains.",
  },
  TRADE_REPORT: {
    title: "Trade report",
    help: "Buys and sells over up to 31 days, by book or settlement date.",
  },
  SECURITY_PRICE_REPORT: {
    title: "Security prices",
    help: "End-of-day prices of the bills held, for up to 31 days, in Kyriba's format.",
  },
  POSITION_SUMMARY_REPORT: {
    title: "Position summary",
    help: "Holdings by pocket and CUSIP on a day, with market and historical cost values.",
  },
};

export const FORMAT_LABELS: Record<OutputFormat, string> = {
  CAMT053: "camt.053 XML",
  CSV: "CSV",
  KYRIBA_CSV: "Kyriba CSV",
  PDF: "PDF",
};

/** Which fields each type asks for. */
export const REPORT_FIELDS: Record<
  ReportType,
  { pockets: "required" | "optional" | "none"; day: boolean; range: boolean }
> = {
  BANK_STATEMENT_REPORT: { pockets: "required", day: true, range: false },
  BROKERAGE_STATEMENT_REPORT: { pockets: "required", day: true, range: false },
  TRADE_REPORT: { pockets: "optional", day: false, range: true },
  SECURITY_PRICE_REPORT: { pockets: "none", day: false, range: true },
  POSITION_SUMMARY_REPORT: { pockets: "optional", day: true, range: false },
};

/** The valid form as Jiko's request body (the union's members take only their own fields). */
export function toCreateReportRequest(f: ReportForm): CreateReportRequest {
  const pockets = f.pocket_ids.length ? { pocket_ids: f.pocket_ids } : {};
  switch (f.report_type) {
    case "BANK_STATEMENT_REPORT":
    case "BROKERAGE_STATEMENT_REPORT":
      return {
        report_type: f.report_type,
        output_format: "CAMT053",
        pocket_ids: f.pocket_ids,
        reporting_date: f.day,
      };
    case "TRADE_REPORT":
      return {
        report_type: f.report_type,
        output_format: f.output_format as "CSV" | "KYRIBA_CSV",
        ...pockets,
        date_from: f.date_from,
        date_to: f.date_to,
        date_type: f.date_type,
      };
    case "SECURITY_PRICE_REPORT":
      return {
        report_type: f.report_type,
        output_format: "KYRIBA_CSV",
        date_from: f.date_from,
        date_to: f.date_to,
      };
    case "POSITION_SUMMARY_REPORT":
      return {
        report_type: f.report_type,
        output_format: f.output_format as "CSV" | "PDF",
        ...pockets,
        as_of_date: f.day,
      };
  }
}
