import "server-only";
import type { AuditLogQuery } from "@/lib/jiko/audit";
import type { TradeListQuery } from "@/lib/jiko/trades";
import type { TransactionQuery } from "@/lib/jiko/transactions";
import type { JikoClient } from "../jiko";
import { transactionRowFilter } from "../transactions/csv-export";
import { csvAttachment } from "./files";

/**
 * The CSV exports: Jiko's file for exactly the filters on screen, streamed through the formula
 * guard as it arrives (never held whole in memory) and saved as an attachment.
 */
export async function transactionsExport(
  jiko: JikoClient,
  query: Omit<TransactionQuery, "cursor" | "limit">,
  today: string,
): Promise<Response> {
  const upstream = await jiko.transactionsCsv(query);
  return csvAttachment(upstream, `transactions-${today}.csv`, transactionRowFilter(query));
}

export async function tradesExport(
  jiko: JikoClient,
  query: Omit<TradeListQuery, "cursor" | "limit">,
  today: string,
): Promise<Response> {
  return csvAttachment(await jiko.tradesCsv(query), `trades-${today}.csv`);
}

export async function auditLogExport(
  jiko: JikoClient,
  query: Omit<AuditLogQuery, "cursor" | "limit">,
  today: string,
): Promise<Response> {
  return csvAttachment(await jiko.auditLogsCsv(query), `audit-log-${today}.csv`);
}
