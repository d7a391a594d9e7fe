import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Portfolio } from "../../lib/jiko/pockets";
import { TradeV2List } from "../../lib/jiko/trades";
import { TransactionList } from "../../lib/jiko/transactions";
import { TransferRequest } from "../../lib/jiko/transfers";
import { pocketEod, pocketFlows, pocketTrades } from "../db/schema";
import {
  call,
  create,
  decide,
  P,
  pocketValue,
  reallocate,
  sb,
  withTransferSandbox,
} from "./test-kit";

const R = "/api/v1/transfer-requests/";

/** A same-entity reallocation that moves the bills themselves. */
const securityTransfer = (from: string, to: string, amount: number | "FULL") => {
  const body = reallocate(from, to, amount === "FULL" ? 0 : amount);
  Object.assign(body.transfer.details, { transfer_type: "SECURITY_TRANSFER" });
  if (amount === "FULL") Object.assign(body.transfer, { amount: { type: "FULL_WITHDRAWAL" } });
  return body;
};

const units = (p: Portfolio) => new Map(p.securities.map((s) => [s.cusip, s.quantity]));
const sumUnits = (p: Portfolio) => p.securities.reduce((s, x) => s + x.quantity, 0);
const billsValue = (p: Portfolio) => p.securities.reduce((s, x) => s + x.market_value.value, 0);

async function approve(body: unknown) {
  const made = await create("sam", body);
  expect(made.status, JSON.stringify(made.json)).toBe(201);
  const res = await decide("jordan", made.json.id, "APPROVED");
  return { res, id: made.json.id as string };
}

async function noBankActivity(id: string, pockets: string[]) {
  const flows = await sb.db.select().from(pocketFlows).where(eq(pocketFlows.transferId, id));
  expect(flows).toHaveLength(0);
  const txs = TransactionList.parse(
    (await call("avery", "GET", `/api/v2/transactions/?on_us_transfer[]=${id}`)).json,
  );
  expect(txs.items).toHaveLength(0);
  for (const p of pockets) {
    const trades = TradeV2List.parse(
      (await call("avery", "GET", `/api/v2/trades/?pocket_id[]=${p}&book_date_from=2026-11-30`))
        .json,
    );
    expect(trades.items).toHaveLength(0);
  }
}

describe("a same-entity SECURITY_TRANSFER moves the bills at approval", () => {
  withTransferSandbox();
  let totalBefore = 0;
  let tradesBefore = 0;
  const everyPocket = [P.operating, P.payroll, P.tax, P.strategic];
  const pastEod = () =>
    sb.db
      .select()
      .from(pocketEod)
      .where(eq(pocketEod.date, "2026-11-27"))
      .orderBy(pocketEod.pocketId);
  let eodBefore: Awaited<ReturnType<typeof pastEod>> = [];

  it("moves the nearest-maturity lots worth the amount, with no transaction or trade", async () => {
    for (const p of everyPocket) totalBefore += (await pocketValue(p)).total_value.value;
    eodBefore = await pastEod();
    const [n] = await sb.db.select({ n: sql<number>`count(*)::int` }).from(pocketTrades);
    tradesBefore = n!.n;
    const origin = await pocketValue(P.operating);
    const dest = await pocketValue(P.payroll);
    const { res, id } = await approve(securityTransfer(P.operating, P.payroll, 100_000_00));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const r = TransferRequest.parse(res.json);
    expect(r).toMatchObject({
      status: "APPROVED",
      transfer_status: "SUCCESS",
      time_settled: "2026-11-30T13:00:00.000Z",
    });
    // Whole $100-face units: the value moved covers the amount by less than one unit.
    expect(r.amount!.value).toBeGreaterThanOrEqual(100_000_00);
    expect(r.amount!.value).toBeLessThan(100_000_00 + 100_00);

    const originAfter = await pocketValue(P.operating);
    const destAfter = await pocketValue(P.payroll);
    const moved = sumUnits(origin) - sumUnits(originAfter);
    expect(moved).toBeGreaterThan(0);
    expect(sumUnits(destAfter) - sumUnits(dest)).toBe(moved);
    // The same CUSIPs, nearest maturity first: what left the origin arrived in the destination.
    const [o0, o1, d0, d1] = [units(origin), units(originAfter), units(dest), units(destAfter)];
    for (const [cusip, q] of o0) {
      const gone = q - (o1.get(cusip) ?? 0);
      expect((d1.get(cusip) ?? 0) - (d0.get(cusip) ?? 0)).toBe(gone);
    }
    const nearest = origin.securities[0]!;
    expect(o1.get(nearest.cusip) ?? 0).toBeLessThan(nearest.quantity);
    // Cash untouched; values moved by the amount (a cent of rounding per CUSIP at most).
    expect(originAfter.cash).toEqual(origin.cash);
    expect(destAfter.cash).toEqual(dest.cash);
    const cents = origin.securities.length + 1;
    expect(
      Math.abs(origin.total_value.value - originAfter.total_value.value - r.amount!.value),
    ).toBeLessThanOrEqual(cents);
    expect(
      Math.abs(destAfter.total_value.value - dest.total_value.value - r.amount!.value),
    ).toBeLessThanOrEqual(cents);
    await noBankActivity(id, [P.operating, P.payroll]);
  });

  it("moves every lot on a FULL_WITHDRAWAL, and refuses an amount the bills cannot cover", async () => {
    const origin = await pocketValue(P.tax);
    const dest = await pocketValue(P.strategic);
    expect(origin.securities.length).toBeGreaterThan(0);
    const { res, id } = await approve(securityTransfer(P.tax, P.strategic, "FULL"));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const r = TransferRequest.parse(res.json);
    expect(r.transfer_status).toBe("SUCCESS");
    expect(r.amount!.value).toBe(billsValue(origin));
    const originAfter = await pocketValue(P.tax);
    const destAfter = await pocketValue(P.strategic);
    expect(originAfter.securities).toHaveLength(0);
    expect(originAfter.cash).toEqual(origin.cash);
    expect(sumUnits(destAfter) - sumUnits(dest)).toBe(sumUnits(origin));
    for (const s of origin.securities) {
      expect(units(destAfter).get(s.cusip)).toBe((units(dest).get(s.cusip) ?? 0) + s.quantity);
    }
    await noBankActivity(id, [P.tax, P.strategic]);

    // Cash arrives in the tax pocket: available to send, but there are no bills to move.
    await sb.db.insert(pocketFlows).values({
      pocketId: P.tax,
      date: "2026-11-30",
      kind: "DEPOSIT",
      amount: 500_00,
      description: "Incoming ACH",
    });
    totalBefore += 500_00;
    const made = await create("sam", securityTransfer(P.tax, P.payroll, 100_00));
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const refused = await decide("jordan", made.json.id, "APPROVED");
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toContain("bills are worth $0.00");
    expect(refused.json.detail).toContain("cannot move $100.00");
    expect((await call("sam", "GET", `${R}${made.json.id}/`)).json.status).toBe("PENDING");
    expect((await pocketValue(P.tax)).cash.value).toBe(originAfter.cash.value + 500_00);
    const [n] = await sb.db.select({ n: sql<number>`count(*)::int` }).from(pocketTrades);
    expect(n!.n).toBe(tradesBefore);
  });

  it("runs the next engine day from the moved lots: the values still reconcile", async () => {
    const advanced = await fetch(`${sb.apiUrl}/_sandbox/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ days: 1 }),
    });
    expect(advanced.status).toBe(200);
    let totalAfter = 0;
    for (const p of everyPocket) totalAfter += (await pocketValue(p)).total_value.value;
    // Only a day's accrual (≈ 4 % / 360) separates the totals: nothing counted twice or lost.
    expect(totalAfter).toBeGreaterThanOrEqual(totalBefore);
    expect(totalAfter - totalBefore).toBeLessThan(totalBefore * 0.0003);
    const eod = await sb.db.select().from(pocketEod).where(eq(pocketEod.date, "2026-11-30"));
    // The day's EOD, priced the same Monday as the totals before the move: equal to the cent
    // but for the rounding of the bills bought with cash.
    const run = everyPocket.map((p) => eod.find((e) => e.pocketId === p)!.total);
    expect(Math.abs(run.reduce((s, v) => s + v, 0) - totalBefore)).toBeLessThan(100);
    expect(await pastEod()).toEqual(eodBefore);
  });
});
