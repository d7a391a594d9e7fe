/**
 * Reports (Jiko marks them experimental): a report request is created, generated asynchronously,
 * then downloaded through a time-limited URL. The five types and their valid output formats are
 * documented; every field name, the request body and the status enum are NOT documented and are
 * INFERRED here, in Jiko's style, in this one place.
 */
import { z } from "zod";
import { cursorList, IsoDateTime } from "./common";
import { OUTPUT_FORMATS, REPORT_FORMATS, REPORT_TYPES } from "./report-terms";

// The types and their formats name the report form's choices at first load, so they live
// without zod.
export * from "./report-terms";

export const ReportType = z.enum(REPORT_TYPES);
export type ReportType = z.infer<typeof ReportType>;

export const OutputFormat = z.enum(OUTPUT_FORMATS);
export type OutputFormat = z.infer<typeof OutputFormat>;

const date = z.iso.date();
const pocketIds = z.array(z.uuid()).min(1, "Choose at least one pocket");

/** The request body, one shape per type (a union on `report_type`). */
export const CreateReportRequest = z.discriminatedUnion("report_type", [
  z.object({
    report_type: z.literal("BANK_STATEMENT_REPORT"),
    output_format: z.literal("CAMT053"),
    pocket_ids: pocketIds,
    reporting_date: date,
  }),
  z.object({
    report_type: z.literal("BROKERAGE_STATEMENT_REPORT"),
    output_format: z.literal("CAMT053"),
    pocket_ids: pocketIds,
    reporting_date: date,
  }),
  z.object({
    report_type: z.literal("TRADE_REPORT"),
    output_format: z.enum(REPORT_FORMATS.TRADE_REPORT),
    pocket_ids: pocketIds.optional(),
    date_from: date,
    date_to: date,
    /** Documented option: the range applies to settlement dates or book dates. */
    date_type: z.enum(["BOOK_DATE", "SETTLEMENT_DATE"]).default("BOOK_DATE"),
  }),
  z.object({
    report_type: z.literal("SECURITY_PRICE_REPORT"),
    output_format: z.literal("KYRIBA_CSV"),
    date_from: date,
    date_to: date,
  }),
  z.object({
    report_type: z.literal("POSITION_SUMMARY_REPORT"),
    output_format: z.enum(REPORT_FORMATS.POSITION_SUMMARY_REPORT),
    pocket_ids: pocketIds.optional(),
    as_of_date: date,
  }),
]);
export type CreateReportRequest = z.infer<typeof CreateReportRequest>;
export type CreateReportRequestInput = z.input<typeof CreateReportRequest>;

export const ReportStatus = z.enum(["REQUESTED", "PROCESSING", "COMPLETED", "FAILED"]);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const Report = z.object({
  id: z.uuid(),
  report_request_id: z.uuid(),
  report_type: ReportType,
  output_format: OutputFormat,
  status: ReportStatus,
  file_name: z.string(),
  time_created: IsoDateTime,
  object_type: z.literal("Report").optional(),
});
export type Report = z.infer<typeof Report>;

export const ReportRequest = z.object({
  id: z.uuid(),
  report_type: ReportType,
  output_format: OutputFormat,
  parameters: z.record(z.string(), z.unknown()),
  status: ReportStatus,
  /** The generated report, once there is one. */
  report: Report.nullable(),
  failure_reason: z.string().nullable().optional(),
  time_created: IsoDateTime,
  time_updated: IsoDateTime,
  object_type: z.literal("ReportRequest").optional(),
});
export type ReportRequest = z.infer<typeof ReportRequest>;
export const ReportRequestList = cursorList(ReportRequest);
export type ReportRequestList = z.infer<typeof ReportRequestList>;

export const ReportRequestListQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  date_from: date.optional(),
  date_to: date.optional(),
});
export type ReportRequestListQuery = z.infer<typeof ReportRequestListQuery>;

export const ReportDownload = z.object({
  url: z.url(),
  expires_at: IsoDateTime,
  object_type: z.literal("ReportDownload").optional(),
});
export type ReportDownload = z.infer<typeof ReportDownload>;
