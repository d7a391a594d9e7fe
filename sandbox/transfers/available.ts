/**
 * What a pocket can still send: its value now (cash + bills at today's price, exactly as Pocket
 * v2 shows it) minus the holds of its outgoing PENDING transfer requests, minus approved
 * withdrawals booked for a day the ledger has not counted yet (a later day than today).
 */
import { and, eq, gt, sql } from "drizzle-orm";
import { nextBusinessDayOnOrAfter } from "../../lib/jiko/business-days";
import type { DbOrTx } from "../db/open";
import { pocketFlows, pocketLots, pockets, transferRequests } from "../db/schema";
import type { SandboxClock } from "../ledger/clock";
import { billPrice } from "../ledger/engine";
import { marketValueCents, UNIT_FACE_CENTS } from "../ledger/pricing";
import { cashOn } from "../ledger/store";
import { portfolioOf } from "../ledger/valuation";

/**
 * Cents a pocket may still send; never below 0. `exclude`: a request whose hold not to count;
 * `at`: today and now already read from the clock (inside a transaction the clock's catch-up,
 * which opens its own, must not run).
 */
export async function availableCents(
  db: DbOrTx,
  clock: SandboxClock,
  pocketId: string,
  opts: { exclude?: string; at?: { today: string; now: Date } } = {},
): Promise<number> {
  const [pocket] = await db.select().from(pockets).where(eq(pockets.id, pocketId));
  if (!pocket || pocket.status === "PENDING") return 0;
  const today = opts.at?.today ?? (await clock.today());
  const now = opts.at?.now ?? (await clock.now());
  const value = (await portfolioOf(db, pocket, today, now)).total_value.value;
  const [holds] = await db
    .select({
      cents: sql<number>`coalesce(sum(${transferRequests.amount}), 0)::bigint`,
    })
    .from(transferRequests)
    .where(
      and(
        eq(transferRequests.originPocketId, pocketId),
        eq(transferRequests.status, "PENDING"),
        opts.exclude ? sql`${transferRequests.id} <> ${opts.exclude}` : undefined,
      ),
    );
  const [ahead] = await db
    .select({ cents: sql<number>`coalesce(sum(${pocketFlows.amount}), 0)::bigint` })
    .from(pocketFlows)
    .where(
      and(
        eq(pocketFlows.pocketId, pocketId),
        eq(pocketFlows.kind, "WITHDRAWAL"),
        gt(pocketFlows.date, today),
      ),
    );
  return Math.max(0, value - Number(holds?.cents ?? 0) - Number(ahead?.cents ?? 0));
}

/**
 * What the engine can raise in the pocket on `day` by selling every bill at that day's price:
 * its cash that day (all flows booked through it) plus each lot as the engine sells it, lot by
 * lot (bills matured by then pay their face). A withdrawal above this would fail the day's run,
 * so approval never books one.
 */
export async function sellableCents(db: DbOrTx, pocketId: string, day: string): Promise<number> {
  const cash = (await cashOn(db, [pocketId], day)).get(pocketId) ?? 0;
  const lots = await db.select().from(pocketLots).where(eq(pocketLots.pocketId, pocketId));
  const pricing = nextBusinessDayOnOrAfter(day);
  let bills = 0;
  for (const l of lots) {
    bills +=
      l.maturityDate <= pricing
        ? l.quantity * UNIT_FACE_CENTS
        : marketValueCents(l.quantity, billPrice(pricing, l.maturityDate));
  }
  return cash + bills;
}
