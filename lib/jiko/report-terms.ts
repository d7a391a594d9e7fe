// No zod here: the reports page offers these at first load (lib/jiko/reports.ts holds the schemas
// and the contract's notes, INFERRED parts included).

export const REPORT_TYPES = [
  "BANK_STATEMENT_REPORT",
  "BROKERAGE_STATEMENT_REPORT",
  "TRADE_REPORT",
  "SECURITY_PRICE_REPORT",
  "POSITION_SUMMARY_REPORT",
] as const;

export const OUTPUT_FORMATS = ["CAMT053", "CSV", "KYRIBA_CSV", "PDF"] as const;

/** Documented: each type's valid output formats. */
export const REPORT_FORMATS = {
  BANK_STATEMENT_REPORT: ["CAMT053"],
  BROKERAGE_STATEMENT_REPORT: ["CAMT053"],
  TRADE_REPORT: ["KYRIBA_CSV", "CSV"],
  SECURITY_PRICE_REPORT: ["KYRIBA_CSV"],
  POSITION_SUMMARY_REPORT: ["PDF", "CSV"],
} as const satisfies Record<
  (typeof REPORT_TYPES)[number],
  readonly (typeof OUTPUT_FORMATS)[number][]
>;

/** Documented for trade reports: at most 31 days. Security prices share the cap (INFERRED). */
export const MAX_REPORT_RANGE_DAYS = 31;
