/**
 * Statements: monthly BANK and BROKERAGE statements per pocket, yearly 1099INT and 1099B tax
 * forms (the enum's spelling, contract-notes §4). The list is a cursor list filtered by type and
 * key ("2025" or "2025-01"). INFERRED: the account filter's name (`account[]`, as trades v1 names
 * it) and the order (newest first).
 */
import { z } from "zod";
import { cursorList, IsoDateTime } from "./common";
import { STATEMENT_TYPES } from "./statement-terms";

export { STATEMENT_TYPES };

export const StatementType = z.enum(STATEMENT_TYPES);
export type StatementType = z.infer<typeof StatementType>;

export const StatementKey = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'a year ("2025") or month ("2025-01")');

export const Statement = z.object({
  id: z.uuid(),
  /** The pocket. */
  jiko_account_id: z.uuid(),
  type: StatementType,
  key: StatementKey,
  /** A short-lived link to the PDF. */
  pdf_download_url: z.url(),
  time_created: IsoDateTime,
  object_type: z.literal("Statement").optional(),
});
export type Statement = z.infer<typeof Statement>;
export const StatementList = cursorList(Statement);
export type StatementList = z.infer<typeof StatementList>;

/**
 * A statement as the browser sees it: without its signed link, which stays on the server (the
 * download route asks Jiko for a fresh one when the file is wanted).
 */
export const StatementSummary = Statement.omit({ pdf_download_url: true });
export type StatementSummary = z.infer<typeof StatementSummary>;
export const StatementSummaryList = cursorList(StatementSummary);
export type StatementSummaryList = z.infer<typeof StatementSummaryList>;

export const StatementListQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  "account[]": z.array(z.uuid()).optional(),
  "type[]": z.array(StatementType).optional(),
  key: StatementKey.optional(),
});
export type StatementListQuery = z.infer<typeof StatementListQuery>;
export const STATEMENT_ARRAY_PARAMS = ["account[]", "type[]"] as const;
