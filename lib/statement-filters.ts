/**
 * The statements page's filters in the URL: a year (this year by default), optionally a month,
 * types and a pocket; Jiko's `key` is the year or the year-month.
 */
import { z } from "zod";
import { type StatementListQuery, StatementType } from "./jiko/statements";
import { list, parseLeniently, searchInput, searchOf } from "./transaction-filters";

export const StatementFilters = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  month: z
    .string()
    .regex(/^(0[1-9]|1[0-2])$/)
    .optional(),
  type: list(StatementType),
  pocket: z.uuid().optional(),
});
export type StatementFilters = z.infer<typeof StatementFilters>;

const KEYS = ["year", "month", "type", "pocket"] as const;
type Params = URLSearchParams | Record<string, string | string[] | undefined>;

export const statementFilterInput = (params: Params) =>
  searchInput(params, KEYS, new Set(["type"]));
export const parseStatementFilters = (params: Params): StatementFilters =>
  parseLeniently(StatementFilters, statementFilterInput(params));
export const statementFiltersToSearch = (f: StatementFilters) => searchOf(f, KEYS);

export function toStatementQuery(f: StatementFilters, thisYear: string): StatementListQuery {
  const year = f.year ?? thisYear;
  return {
    key: f.month ? `${year}-${f.month}` : year,
    ...(f.type?.length && { "type[]": f.type }),
    ...(f.pocket && { "account[]": [f.pocket] }),
    limit: 100,
  };
}

export const STATEMENT_TYPE_LABELS: Record<StatementType, string> = {
  BANK: "Bank statement",
  BROKERAGE: "Brokerage statement",
  "1099INT": "Form 1099-INT",
  "1099B": "Form 1099-B",
};
