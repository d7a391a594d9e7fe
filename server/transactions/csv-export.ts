import "server-only";
import { csvFields } from "@/lib/csv";
import type { TransactionQuery } from "@/lib/jiko/transactions";
import { decimalStringToCents } from "@/lib/money";

type RowFilter = Pick<TransactionQuery, "direction" | "amount_from" | "amount_to">;

/**
 * Jiko's transactions.csv documents only the pocket, type and time filters: the direction and
 * amount filters on screen are applied here as well, row by row while the file streams through
 * the export's formula guard (a no-op when Jiko applied them already). The header names the
 * columns, so their order is read from it rather than assumed. Undefined when nothing to filter.
 */
export function transactionRowFilter(f: RowFilter): ((record: string) => boolean) | undefined {
  if (!f.direction && f.amount_from === undefined && f.amount_to === undefined) return undefined;
  let columns: { direction: number; amount: number } | undefined;
  return (record) => {
    if (!columns) {
      const names = csvFields(record);
      columns = { direction: names.indexOf("direction"), amount: names.indexOf("amount") };
      return true;
    }
    if (!record.trim()) return false;
    const fields = csvFields(record);
    const direction = fields[columns.direction];
    const cents = decimalStringToCents(fields[columns.amount] ?? "0");
    if (f.direction && direction !== f.direction) return false;
    if (f.amount_from !== undefined && cents < f.amount_from) return false;
    if (f.amount_to !== undefined && cents > f.amount_to) return false;
    return true;
  };
}
