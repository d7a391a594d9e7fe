/**
 * The statements page's filters in the URL: a year (this year by default), optionally a month,
 * types and a pocket; Jiko's `key` is the year or the year-month.
 */
import type { StatementFilters } from "./filter-schemas";
import type { StatementListQuery, StatementType } from "./jiko/statements";
import { type Params, searchInput, searchOf } from "./transaction-filters";

// No zod here: the statements page draws with these at first load (lib/filter-schemas.ts checks
// them).
export type { StatementFilters };

const KEYS = ["year", "month", "type", "pocket"] as const;

export const statementFilterInput = (params: Params) =>
  searchInput(params, KEYS, new Set(["type"]));
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
