/**
 * An approved transfer request becomes ledger flows, in the approval's own transaction.
 *
 * Sandbox rules (Jiko publishes none of these timings beyond "on-us is instant" and "same-entity
 * bank transfers settle T+1"):
 * - The outgoing WITHDRAWAL is booked for the next day the engine runs: today when today is a
 *   business day and its 14:30Z run has not happened yet, else the next business day. That day's
 *   run sells the nearest-maturity bills to fund it (SELL trades).
 * - Settlement (`settles_at`, transfer_status SUCCESS once it has passed on the sandbox clock):
 *   on-us to a JikoNet payee at approval; a wire at approval when approved on a business day
 *   before the 17:00 New York cut-off, else at the execution day's run; a same-entity
 *   BANK_TRANSFER on the business day after the execution day (T+1), at 14:30Z.
 * - Each flow is booked (`booked_at`) at `settles_at`: Transactions v2 settles wires and on-us
 *   transfers when booked (ledger/transactions.ts `settlementTime`), so the transaction turns
 *   SETTLED exactly when the request's transfer turns SUCCESS. Its wire_id / on_us_id is the
 *   request's id; both legs of an internal reallocation share one transaction id.
 * - A same-entity SECURITY_TRANSFER moves the bills themselves (`moveSecurities`), in the
 *   approval's transaction: lots leave the origin pocket nearest maturity first (oldest purchase
 *   among equals) until their market value at today's price covers the amount, in whole
 *   $100-face units, the last lot split; a FULL_WITHDRAWAL moves every lot. Each lot keeps its
 *   CUSIP, maturity and purchase price and date. The origin's cash is not touched, so bills worth
 *   less than the amount refuse the approval (409). No flow, no trade, no transaction: the
 *   request is SUCCESS at approval (`settles_at` = the approval instant, `amount` = the market
 *   value moved), Pocket v2 shows the move at once, and the engine's next day runs from the moved
 *   lots (store.ts `loadBooks` reads the current lots); EOD values already written are kept.
 */
import { and, eq } from "drizzle-orm";
import {
  addDays,
  isBusinessDay,
  lastBusinessDayOnOrBefore,
  nextBusinessDayOnOrAfter,
} from "../../lib/jiko/business-days";
import type { DbOrTx } from "../db/open";
import { pocketFlows, pocketLots } from "../db/schema";
import { stableId } from "../ids";
import { billPrice, TRADE_TIME } from "../ledger/engine";
import { marketValueCents, unitsToRaise } from "../ledger/pricing";

export const WIRE_CUTOFF_HOUR_NEW_YORK = 17;

export type Route =
  | { kind: "WIRE"; counterpartyName: string }
  | { kind: "PEER_TO_PEER"; counterpartyName: string }
  | {
      kind: "INTERNAL";
      originName: string;
      destinationPocketId: string;
      destinationName: string;
      /** SECURITY_TRANSFER: the bills move, no bank transaction (`moveSecurities`). */
      security: boolean;
    };

const nyHour = (at: Date) =>
  Number(
    new Intl.DateTimeFormat("en-US", {
      timeZone: "America/New_York",
      hour: "2-digit",
      hourCycle: "h23",
    }).format(at),
  );

const runAt = (day: string) => new Date(`${day}${TRADE_TIME}`);

/** The ledger day a transfer approved at `now` (New York date `today`) is booked for. */
export function executionDay(today: string, now: Date): string {
  if (isBusinessDay(today) && now < runAt(today)) return today;
  return nextBusinessDayOnOrAfter(addDays(today, 1));
}

/** When the payee has the money (see the module comment). */
export function settlementOf(route: Route["kind"], today: string, now: Date): Date {
  const day = executionDay(today, now);
  if (route === "PEER_TO_PEER") return now;
  if (route === "WIRE") {
    return isBusinessDay(today) && nyHour(now) < WIRE_CUTOFF_HOUR_NEW_YORK ? now : runAt(day);
  }
  return runAt(nextBusinessDayOnOrAfter(addDays(day, 1)));
}

/** Books the flows of an approved transfer; returns its execution day and settlement time. */
export async function bookTransfer(
  tx: DbOrTx,
  o: {
    requestId: string;
    originPocketId: string;
    amount: number;
    memo: string | null;
    endToEnd: string | null;
    route: Route;
    today: string;
    now: Date;
  },
): Promise<{ executeOn: string; settlesAt: Date }> {
  const executeOn = executionDay(o.today, o.now);
  const settlesAt = settlementOf(o.route.kind, o.today, o.now);
  const r = o.route;
  const base = {
    date: executeOn,
    amount: o.amount,
    bookedAt: settlesAt,
    transferId: o.requestId,
  };
  if (r.kind === "WIRE") {
    await tx.insert(pocketFlows).values({
      ...base,
      pocketId: o.originPocketId,
      kind: "WITHDRAWAL",
      description: o.memo
        ? `Wire to ${r.counterpartyName}: ${o.memo}`
        : `Wire to ${r.counterpartyName}`,
      rail: "WIRE",
      details: {
        counterparty_name: r.counterpartyName,
        // Fedwire's OMAD for an outgoing wire: cycle date, source id, sequence.
        omad: `${executeOn.replaceAll("-", "")}MMQFMP${o.requestId.slice(0, 8).toUpperCase()}`,
        remittance_information: {
          unstructured: o.memo ?? null,
          end_to_end_identification: o.endToEnd ?? o.requestId.slice(0, 16),
        },
      },
    });
  } else if (r.kind === "PEER_TO_PEER") {
    await tx.insert(pocketFlows).values({
      ...base,
      pocketId: o.originPocketId,
      kind: "WITHDRAWAL",
      description: `Transfer to ${r.counterpartyName}`,
      rail: "ON_US",
      transactionId: stableId("onus-tx", o.requestId),
      details: { counterparty_pocket_id: null, counterparty_name: r.counterpartyName },
    });
  } else {
    const transactionId = stableId("onus-tx", o.requestId);
    await tx.insert(pocketFlows).values([
      {
        ...base,
        pocketId: o.originPocketId,
        kind: "WITHDRAWAL",
        description: `Transfer to ${r.destinationName}`,
        rail: "ON_US",
        transactionId,
        details: {
          counterparty_pocket_id: r.destinationPocketId,
          counterparty_name: r.destinationName,
        },
      },
      {
        ...base,
        pocketId: r.destinationPocketId,
        kind: "DEPOSIT",
        description: `Transfer from ${r.originName}`,
        rail: "ON_US",
        transactionId,
        details: { counterparty_pocket_id: o.originPocketId, counterparty_name: r.originName },
      },
    ]);
  }
  return { executeOn, settlesAt };
}

/**
 * Moves bills from one pocket to another (see the module comment): `amount` cents of market value
 * at today's price, or every lot when null. Returns the value moved, or `{ short }` with the
 * market value of all the origin's bills when they cannot cover the amount (nothing moved).
 */
export async function moveSecurities(
  tx: DbOrTx,
  o: { from: string; to: string; amount: number | null; today: string },
): Promise<{ moved: number } | { short: number }> {
  const pricing = lastBusinessDayOnOrBefore(o.today);
  const lots = (await tx.select().from(pocketLots).where(eq(pocketLots.pocketId, o.from)))
    .filter((l) => l.quantity > 0)
    .sort(
      (a, b) =>
        a.maturityDate.localeCompare(b.maturityDate) ||
        a.purchaseDate.localeCompare(b.purchaseDate) ||
        a.id - b.id,
    );
  // Valued per CUSIP, as Pocket v2 shows the holdings, so the figures agree to the cent.
  const cusips = new Map<string, { pm: number; lots: typeof lots }>();
  for (const l of lots) {
    const c = cusips.get(l.cusip) ?? { pm: billPrice(pricing, l.maturityDate), lots: [] };
    c.lots.push(l);
    cusips.set(l.cusip, c);
  }
  const take: Array<{ lot: (typeof lots)[number]; units: number }> = [];
  let moved = 0;
  let all = 0;
  for (const { pm, lots: group } of cusips.values()) {
    const held = group.reduce((s, l) => s + l.quantity, 0);
    all += marketValueCents(held, pm);
    if (o.amount !== null && moved >= o.amount) continue;
    let units = o.amount === null ? held : Math.min(held, unitsToRaise(o.amount - moved, pm));
    moved += marketValueCents(units, pm);
    for (const lot of group) {
      if (units === 0) break;
      const n = Math.min(lot.quantity, units);
      take.push({ lot, units: n });
      units -= n;
    }
  }
  if (o.amount !== null && moved < o.amount) return { short: all };
  for (const { lot, units } of take) {
    if (units === lot.quantity) {
      await tx
        .update(pocketLots)
        .set({ pocketId: o.to })
        .where(and(eq(pocketLots.id, lot.id), eq(pocketLots.pocketId, o.from)));
    } else {
      await tx
        .update(pocketLots)
        .set({ quantity: lot.quantity - units })
        .where(eq(pocketLots.id, lot.id));
      const { id: _id, ...rest } = lot;
      await tx.insert(pocketLots).values({ ...rest, pocketId: o.to, quantity: units });
    }
  }
  return { moved };
}
