/**
 * Sensitive reads recorded by Treasury Desk itself (Jiko's audit log holds changes only): who
 * revealed an account number or took data out of the dashboard, what, when, in which team. An
 * entry names the object read (a pocket, report, statement or trade id), never an account number.
 */
// No zod here: the audit page draws these at first load (lib/access-log-schemas.ts checks them).
import type { AccessAction } from "./access-log-schemas";

export type {
  AccessAction,
  AccessEntry,
  AccessLogPage,
  AccessSubject,
} from "./access-log-schemas";

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

export const ACCESS_PAGE_SIZE = 25;

/** The React Query key of the access log, shared by the page's prefetch and the client. */
export const accessLogKey = () => ["access-log"] as const;
