/**
 * A report request's file, rendered from the ledger when it is downloaded (the ledger is final
 * for past days, so the file never changes): camt.053 XML, CSV or Kyriba-style CSV, or PDF.
 * INFERRED: the CSV columns and the Kyriba record layouts ("TR" trades, "SE" security prices, as
 * Jiko's description of the price report names the SE field) are not published.
 */
import { and, asc, eq, gt, gte, inArray, lte } from "drizzle-orm";
import { addDays, isBusinessDay, lastBusinessDayOnOrBefore } from "../../lib/jiko/business-days";
import type { CreateReportRequest } from "../../lib/jiko/reports";
import { centsToDecimalString } from "../../lib/money";
import type { SandboxDb } from "../db/open";
import { pockets, pocketTrades, type reportRequests } from "../db/schema";
import { renderPdf } from "../documents/pdf";
import { csvLine } from "../http/csv";
import { billDescription } from "../ledger/cusip";
import { billPrice } from "../ledger/engine";
import { formatPrice, marketValueCents } from "../ledger/pricing";
import { holdingsOn } from "../ledger/store";
import { camt053 } from "./camt053";

export interface ReportFile {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
}

type Row = typeof reportRequests.$inferSelect;

const EXTENSIONS = { CAMT053: "xml", CSV: "csv", KYRIBA_CSV: "csv", PDF: "pdf" } as const;

export const reportFileName = (r: Pick<Row, "reportType" | "outputFormat" | "id">) =>
  `${r.reportType.toLowerCase()}-${r.id.slice(0, 8)}.${EXTENSIONS[r.outputFormat as keyof typeof EXTENSIONS]}`;

async function customerPockets(db: SandboxDb, customerId: string, ids?: string[]) {
  const rows = await db
    .select()
    .from(pockets)
    .where(
      and(eq(pockets.customerId, customerId), ids?.length ? inArray(pockets.id, ids) : undefined),
    )
    .orderBy(asc(pockets.createdAt));
  return rows.filter((p) => p.status !== "PENDING");
}

/** Average cost per CUSIP and pocket, from the buys up to `date` (the historical cost basis). */
async function averageCost(db: SandboxDb, pocketId: string, date: string) {
  const buys = await db
    .select()
    .from(pocketTrades)
    .where(
      and(
        eq(pocketTrades.pocketId, pocketId),
        eq(pocketTrades.kind, "BUY"),
        lte(pocketTrades.tradeDate, date),
      ),
    );
  const cost = new Map<string, { units: number; cents: number }>();
  for (const b of buys) {
    const c = cost.get(b.cusip) ?? { units: 0, cents: 0 };
    cost.set(b.cusip, { units: c.units + b.quantity, cents: c.cents + b.amount });
  }
  return (cusip: string, units: number) => {
    const c = cost.get(cusip);
    return c?.units ? Math.round((c.cents * units) / c.units) : 0;
  };
}

async function tradeReport(
  db: SandboxDb,
  customerId: string,
  p: Extract<CreateReportRequest, { report_type: "TRADE_REPORT" }>,
) {
  const ids = (await customerPockets(db, customerId, p.pocket_ids)).map((x) => x.id);
  const column =
    p.date_type === "SETTLEMENT_DATE" ? pocketTrades.settlementDate : pocketTrades.tradeDate;
  const trades = ids.length
    ? await db
        .select()
        .from(pocketTrades)
        .where(
          and(
            inArray(pocketTrades.pocketId, ids),
            inArray(pocketTrades.kind, ["BUY", "SELL"]),
            gte(column, p.date_from),
            lte(column, p.date_to),
          ),
        )
        .orderBy(asc(pocketTrades.tradeDate), asc(pocketTrades.seq))
    : [];
  const fields = (t: (typeof trades)[number]) => ({
    reference: t.id,
    pocket: t.pocketId,
    code: t.kind,
    tradeDate: t.tradeDate,
    settlementDate: t.settlementDate,
    cusip: t.cusip,
    description: billDescription(t.maturityDate),
    maturity: t.maturityDate,
    price: formatPrice(t.priceMicros),
    face: centsToDecimalString(t.quantity * 10_000),
    amount: centsToDecimalString(t.amount),
  });
  if (p.output_format === "CSV") {
    return (
      csvLine([
        "reference",
        "pocket_id",
        "transaction_code",
        "trade_date",
        "book_date",
        "settlement_date",
        "cusip",
        "security",
        "issuer",
        "maturity_date",
        "price",
        "face_amount",
        "amount",
        "currency",
        "custodian",
      ]) +
      trades
        .map(fields)
        .map((f) =>
          csvLine([
            f.reference,
            f.pocket,
            f.code,
            f.tradeDate,
            f.tradeDate,
            f.settlementDate,
            f.cusip,
            f.description,
            "United States Treasury",
            f.maturity,
            f.price,
            f.face,
            f.amount,
            "USD",
            "Jiko Securities, Inc.",
          ]),
        )
        .join("")
    );
  }
  // Kyriba-style: one "TR" record per trade, no header.
  return trades
    .map(fields)
    .map((f) =>
      csvLine([
        "TR",
        f.reference,
        f.code === "BUY" ? "B" : "S",
        f.tradeDate,
        f.settlementDate,
        f.cusip,
        "UST",
        f.maturity,
        f.price,
        f.face,
        f.amount,
        "USD",
        "JIKO",
      ]),
    )
    .join("");
}

async function securityPrices(
  db: SandboxDb,
  customerId: string,
  p: Extract<CreateReportRequest, { report_type: "SECURITY_PRICE_REPORT" }>,
) {
  const ids = (await customerPockets(db, customerId)).map((x) => x.id);
  const bills = ids.length
    ? await db
        .selectDistinct({ cusip: pocketTrades.cusip, maturity: pocketTrades.maturityDate })
        .from(pocketTrades)
        .where(
          and(
            inArray(pocketTrades.pocketId, ids),
            eq(pocketTrades.kind, "BUY"),
            lte(pocketTrades.tradeDate, p.date_to),
            gt(pocketTrades.maturityDate, p.date_from),
          ),
        )
        .orderBy(asc(pocketTrades.maturityDate))
    : [];
  let out = "";
  for (let d = p.date_from; d <= p.date_to; d = addDays(d, 1)) {
    if (!isBusinessDay(d)) continue;
    for (const b of bills) {
      if (b.maturity <= d) continue;
      out += csvLine(["SE", "JIKO", b.cusip, d, formatPrice(billPrice(d, b.maturity))]);
    }
  }
  return out;
}

async function positionSummary(
  db: SandboxDb,
  customerId: string,
  p: Extract<CreateReportRequest, { report_type: "POSITION_SUMMARY_REPORT" }>,
) {
  const pricing = lastBusinessDayOnOrBefore(p.as_of_date);
  const rows: string[][] = [];
  for (const pocket of await customerPockets(db, customerId, p.pocket_ids)) {
    const cost = await averageCost(db, pocket.id, p.as_of_date);
    for (const h of await holdingsOn(db, pocket.id, p.as_of_date)) {
      const pm = billPrice(pricing, h.maturityDate);
      rows.push([
        pocket.pocketName,
        h.cusip,
        String(h.quantity * 100),
        formatPrice(pm),
        centsToDecimalString(marketValueCents(h.quantity, pm)),
        centsToDecimalString(cost(h.cusip, h.quantity)),
      ]);
    }
  }
  return { rows, pricing };
}

const POSITION_COLUMNS = [
  "Pocket",
  "CUSIP",
  "Quantity",
  "Market Price",
  "Market Value",
  "Historical Cost Value",
];

export async function renderReport(db: SandboxDb, r: Row, now: Date): Promise<ReportFile> {
  const p = r.parameters as CreateReportRequest;
  const fileName = reportFileName(r);
  switch (p.report_type) {
    case "BANK_STATEMENT_REPORT":
    case "BROKERAGE_STATEMENT_REPORT":
      return {
        body: await camt053(db, {
          kind: p.report_type === "BANK_STATEMENT_REPORT" ? "BANK" : "BROKERAGE",
          pocketIds: p.pocket_ids,
          date: p.reporting_date,
          messageId: r.id.replaceAll("-", ""),
          createdAt: now.toISOString(),
        }),
        contentType: "application/xml",
        fileName,
      };
    case "TRADE_REPORT":
      return { body: await tradeReport(db, r.customerId, p), contentType: "text/csv", fileName };
    case "SECURITY_PRICE_REPORT":
      return { body: await securityPrices(db, r.customerId, p), contentType: "text/csv", fileName };
    case "POSITION_SUMMARY_REPORT": {
      const { rows, pricing } = await positionSummary(db, r.customerId, p);
      if (p.output_format === "CSV") {
        const body = csvLine(POSITION_COLUMNS) + rows.map((x) => csvLine(x)).join("");
        return { body, contentType: "text/csv", fileName };
      }
      const body = await renderPdf({
        title: "Position Summary",
        subtitle: `Holdings as of ${p.as_of_date}, priced ${pricing}`,
        sections: [
          {
            title: "Positions",
            columns: POSITION_COLUMNS,
            align: ["left", "left", "right", "right", "right", "right"],
            rows,
          },
        ],
        footer: "Jiko Securities, Inc. (sandbox)",
      });
      return { body, contentType: "application/pdf", fileName };
    }
  }
}
