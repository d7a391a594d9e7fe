import "server-only";
import { csvCell, csvFields, csvFormulaGuard, csvRecords } from "@/lib/csv";
import { nyDateTimeWithOffset } from "@/lib/dates";
import type { AuditLogQuery } from "@/lib/jiko/audit";
import type { TradeListQuery } from "@/lib/jiko/trades";
import type { TransactionQuery } from "@/lib/jiko/transactions";
import { centsToDecimalString, decimalStringToCents } from "@/lib/money";
import type { JikoClient } from "../jiko";
import { allPockets } from "../pockets/all-pockets";
import { transactionRowFilter } from "../transactions/csv-export";
import { attachment, csvAttachment } from "./files";

/**
 * The CSV exports: Jiko's file for exactly the filters on screen, streamed through the formula
 * guard as it arrives (never held whole in memory) and saved as an attachment.
 */
/**
 * Columns added after Jiko's own (kept as they are, for imports that expect them), for people
 * reading the file: the pocket's name, the amount signed by its direction, and the booked time
 * as the page shows it (New York, with its offset).
 */
export const READABLE_TRANSACTION_COLUMNS = [
  "pocket_name",
  "signed_amount_usd",
  "time_booked_new_york",
] as const;

function signedDollars(amount: string | undefined, direction: string | undefined): string {
  if (!amount || !/^-?\d+(\.\d{1,2})?$/.test(amount)) return "";
  const cents = decimalStringToCents(amount);
  return centsToDecimalString(direction === "DEBIT" ? -cents : cents);
}

const bookedInNewYork = (iso: string | undefined) =>
  iso && !Number.isNaN(Date.parse(iso)) ? nyDateTimeWithOffset(iso) : "";

/**
 * Whole records in, the same records with the readable columns appended out (the header names
 * where Jiko put each column). `keep` (the row filter) sees each record first.
 */
function withReadableColumns(
  pocketNames: ReadonlyMap<string, string>,
  keep?: (record: string) => boolean,
): TransformStream<string, string> {
  let at: Record<"pocket" | "amount" | "direction" | "booked", number> | undefined;
  return new TransformStream<string, string>({
    transform(input, controller) {
      const bom = !at && input.startsWith("\uFEFF") ? "\uFEFF" : "";
      const record = input.slice(bom.length);
      if (keep && !keep(record)) return;
      const eol = /\r?\n$/.exec(record)?.[0] ?? "";
      const body = record.slice(0, record.length - eol.length);
      const fields = csvFields(record);
      if (!at) {
        at = {
          pocket: fields.indexOf("pocket_id"),
          amount: fields.indexOf("amount"),
          direction: fields.indexOf("direction"),
          booked: fields.indexOf("time_booked"),
        };
        controller.enqueue(`${bom}${body},${READABLE_TRANSACTION_COLUMNS.join(",")}${eol}`);
        return;
      }
      if (!body.trim()) return controller.enqueue(record);
      const cells = [
        pocketNames.get(fields[at.pocket] ?? "") ?? "",
        signedDollars(fields[at.amount], fields[at.direction]),
        bookedInNewYork(fields[at.booked]),
      ];
      controller.enqueue(`${body},${cells.map(csvCell).join(",")}${eol}`);
    },
  });
}

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
  const body = upstream.body
    // The DOM typings of TextDecoderStream take any BufferSource; bytes are what arrives.
    .pipeThrough(
      new TextDecoderStream("utf-8", { ignoreBOM: true }) as unknown as TransformStream<
        Uint8Array,
        string
      >,
    )
    .pipeThrough(csvRecords())
    .pipeThrough(withReadableColumns(names, transactionRowFilter(query)))
    .pipeThrough(csvFormulaGuard())
    .pipeThrough(new TextEncoderStream());
  return attachment(body, { kind: "csv", fileName });
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
