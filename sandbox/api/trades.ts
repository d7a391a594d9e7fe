/**
 * Trades v1 (list, CSV, confirmation) and v2 (list) over the engine's trades. A confirmation
 * answers 307 to a signed link good for 10 minutes; maturities have none.
 */
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import {
  TRADE_ARRAY_PARAMS,
  TRADE_CSV_COLUMNS,
  TradeList,
  TradeListQuery,
  TradeV2List,
  TradeV2ListQuery,
} from "../../lib/jiko/trades";
import { centsToDecimalString } from "../../lib/money";
import type { SandboxDb } from "../db/open";
import { customers } from "../db/schema";
import { signDocument } from "../documents/signed-url";
import { csvLine, csvResponse, csvStream } from "../http/csv";
import {
  decodeTradeCursor,
  findTrade,
  type TradeRow,
  toTradeV1,
  toTradeV2,
  tradeFilterOf,
  tradePage,
  tradeRows,
} from "../ledger/trades";
import { customerOfTeam } from "../pocket-admin";
import { TeamRuleError } from "../team-admin";
import type { Principal } from "./auth";
import { clockOf, pocketIdOf } from "./pockets";
import { parse, RequestInvalid } from "./team";

function rawQuery(c: Context) {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.req.query())) {
    if (!(TRADE_ARRAY_PARAMS as readonly string[]).includes(k)) raw[k] = v;
  }
  for (const k of TRADE_ARRAY_PARAMS) {
    const values = c.req.queries(k);
    if (values?.length) raw[k] = values;
  }
  return raw;
}

function cursorOf(cursor: string | undefined) {
  const decoded = cursor ? decodeTradeCursor(cursor) : undefined;
  if (cursor && !decoded) {
    throw new RequestInvalid([
      { loc: ["query", "cursor"], msg: "Invalid cursor", type: "value_error", input: cursor },
    ]);
  }
  return decoded;
}

async function context(db: SandboxDb, p: Principal, c: Context) {
  const clock = clockOf(c);
  await clock.catchUp();
  return { customerId: await customerOfTeam(db, p.teamId), today: await clock.today() };
}

/** v1: newest first. */
export async function listTradesV1(db: SandboxDb, p: Principal, c: Context) {
  const { cursor, limit, ...q } = parse(TradeListQuery, rawQuery(c), "query");
  const { customerId, today } = await context(db, p, c);
  const page = await tradePage(db, tradeFilterOf(customerId, q), {
    cursor: cursorOf(cursor),
    limit: limit ?? 30,
    order: "desc",
  });
  return TradeList.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items: page.rows.map((r) => toTradeV1(r, today)),
    object_type: "CursorList",
  });
}

export async function listTradesV2(db: SandboxDb, p: Principal, c: Context) {
  const { cursor, limit, order, ...q } = parse(TradeV2ListQuery, rawQuery(c), "query");
  const { customerId, today } = await context(db, p, c);
  const page = await tradePage(db, tradeFilterOf(customerId, q), {
    cursor: cursorOf(cursor),
    limit: limit ?? 30,
    order: order ?? "desc",
  });
  return TradeV2List.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items: page.rows.map((r) => toTradeV2(r, today)),
    object_type: "CursorList",
  });
}

export async function tradesCsv(db: SandboxDb, p: Principal, c: Context) {
  const { cursor: _c, limit: _l, ...q } = parse(TradeListQuery, rawQuery(c), "query");
  const { customerId, today } = await context(db, p, c);
  const row = (r: TradeRow) => {
    const t = toTradeV1(r, today);
    return csvLine([
      t.id,
      t.trade_datetime,
      t.settled_date ?? "",
      t.activity,
      t.cusip,
      t.description,
      String(t.quantity),
      t.price,
      centsToDecimalString(t.notional.value),
      t.notional.currency,
      t.maturity_date,
      t.yield_to_maturity,
      t.jiko_account_id,
    ]);
  };
  return csvResponse(
    csvStream(TRADE_CSV_COLUMNS, tradeRows(db, tradeFilterOf(customerId, q), "desc"), row),
    "trades.csv",
  );
}

/** 307 to a 10-minute signed link to the PDF; a maturity has no confirmation (404). */
export async function tradeConfirmation(db: SandboxDb, p: Principal, c: Context) {
  const pocketId = pocketIdOf(c, "account_id");
  const tradeId = pocketIdOf(c, "trade_id");
  const { customerId } = await context(db, p, c);
  const trade = await findTrade(db, customerId, pocketId, tradeId);
  if (!trade) throw new TeamRuleError(404, "Not Found");
  if (trade.kind === "MATURITY") {
    throw new TeamRuleError(404, "Trades with activity MATURITY do not have trade confirmations.");
  }
  const token = signDocument({ kind: "trade-confirmation", id: trade.id }, Date.now());
  return c.redirect(`${new URL(c.req.url).origin}/_sandbox/documents/${token}`, 307);
}

/** What a confirmation PDF says, for the documents route. */
export async function confirmationFacts(db: SandboxDb, tradeId: string, today: string) {
  const [row] = await db.query.pocketTrades.findMany({ where: (t, { eq: e }) => e(t.id, tradeId) });
  if (!row) return undefined;
  const pocket = await db.query.pockets.findFirst({
    where: (t, { eq: e }) => e(t.id, row.pocketId),
  });
  if (!pocket) return undefined;
  const [customer] = await db.select().from(customers).where(eq(customers.id, pocket.customerId));
  const trade = toTradeV1({ ...row, customerId: pocket.customerId }, today);
  return { trade, pocket, customerName: customer?.name ?? "" };
}
