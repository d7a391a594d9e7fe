/**
 * Sensitive reads recorded by Treasury Desk itself (Jiko's audit log holds changes only): who
 * revealed an account number or took data out of the dashboard, what, when, in which team. An
 * entry names the object read (a pocket, report, statement or trade id), never an account number.
 */
import { z } from "zod";

export const ACCESS_ACTIONS = [
  "account_number.revealed",
  "transactions.exported",
  "trades.exported",
  "audit_log.exported",
  "report.downloaded",
  "statement.downloaded",
  "confirmation.downloaded",
  "controls_report.exported",
  "transfer_request.self_decision_refused",
] as const;
export const AccessAction = z.enum(ACCESS_ACTIONS);
export type AccessAction = z.infer<typeof AccessAction>;

export const ACCESS_ACTION_LABELS: Record<AccessAction, string> = {
  "account_number.revealed": "Revealed account numbers",
  "transactions.exported": "Exported transactions",
  "trades.exported": "Exported trades",
  "audit_log.exported": "Exported the audit log",
  "report.downloaded": "Downloaded a report",
  "statement.downloaded": "Downloaded a statement",
  "confirmation.downloaded": "Downloaded a trade confirmation",
  "controls_report.exported": "Exported the transfer controls report",
  "transfer_request.self_decision_refused": "Tried to decide their own transfer request (refused)",
};

/** What was read: an object's id and, where it helps, its kind ("pocket", "report"…). */
export const AccessSubject = z.object({
  kind: z.enum(["pocket", "report", "statement", "trade", "transfer_request"]),
  id: z.string().max(200),
});
export type AccessSubject = z.infer<typeof AccessSubject>;

export const AccessEntry = z.object({
  id: z.string(),
  at: z.iso.datetime({ offset: true }),
  actor: z.object({ name: z.string(), email: z.string() }),
  action: AccessAction,
  subject: AccessSubject.nullable(),
});
export type AccessEntry = z.infer<typeof AccessEntry>;

export const AccessLogPage = z.object({
  items: z.array(AccessEntry),
  next_page: z.string().nullable(),
});
export type AccessLogPage = z.infer<typeof AccessLogPage>;

export const ACCESS_PAGE_SIZE = 25;

/** The React Query key of the access log, shared by the page's prefetch and the client. */
export const accessLogKey = () => ["access-log"] as const;
