import "server-only";
import type { AuditLogQuery } from "@/lib/jiko/audit";
import type { TradeListQuery } from "@/lib/jiko/trades";
import type { TransactionQuery } from "@/lib/jiko/transactions";
import type { JikoClient } from "../jiko";
import { allPockets } from "../pockets/all-pockets";
import { transactionCsvExport } from "../transactions/csv-export";
import { attachment, csvAttachment } from "./files";

/**
 * The CSV exports: Jiko's file for exactly the filters on screen, streamed through the formula
 * guard as it arrives (never held whole in memory) and saved as an attachment.
 */
export { READABLE_TRANSACTION_COLUMNS } from "../transactions/csv-export";

/**
 * Jiko's transactions file with readable columns added, in one streaming pass: decoded, cut into
 * records, filtered and extended, then through the formula guard (which sees every cell, the
 * added ones too: a pocket may be named like a formula).
 */
export async function transactionsExport(
  jiko: JikoClient,
  query: Omit<TransactionQuery, "cursor" | "limit">,
  today: string,
): Promise<Response> {
  const fileName = `transactions-${today}.csv`;
  const [upstream, pockets] = await Promise.all([jiko.transactionsCsv(query), allPockets(jiko)]);
  if (!upstream.body) throw new Error(`Jiko sent an empty ${fileName}`);
  const names = new Map(pockets.map((p) => [p.id, p.pocket_name]));
  return attachment(transactionCsvExport(upstream.body, names, query), { kind: "csv", fileName });
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
