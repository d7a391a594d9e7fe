import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pocketFlows } from "../db/schema";
import { SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { cashOn } from "./store";
import { netFlows } from "./valuation";

const NOW = new Date("2026-11-30T17:00:00Z");
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0, now: () => NOW });
}, 60_000);
afterAll(() => sb?.close());

type Day = { pocket_id: string; date: string; net: string };

/** The days as the triggers kept them, and as the flows sum them, without the days netting 0. */
async function bothWays(): Promise<{ kept: Day[]; summed: Day[] }> {
  const kept = await sb.db.execute<Day>(sql`
    select pocket_id, date::text, net::text from pocket_flow_days where net <> 0
    order by pocket_id, date`);
  const summed = await sb.db.execute<Day>(sql`
    select pocket_id, date::text, net::text from (
      select pocket_id, date,
        sum(case when kind = 'DEPOSIT' then amount else -amount end)::bigint as net
      from pocket_flows group by pocket_id, date) d
    where net <> 0 order by pocket_id, date`);
  return { kept: kept.rows, summed: summed.rows };
}

const flow = (date: string, kind: "DEPOSIT" | "WITHDRAWAL", amount: number) => ({
  pocketId: SEED_POCKETS.operating,
  date,
  kind,
  amount,
  description: "flow-days test",
});

describe("pocket_flow_days", () => {
  it("holds each pocket's net flow of each day after the seed's bulk inserts", async () => {
    const { kept, summed } = await bothWays();
    expect(summed.length).toBeGreaterThan(100);
    expect(kept).toEqual(summed);
  });

  it("follows inserts, updates and deletes, one row or many per statement", async () => {
    const day = "2026-11-27";
    const before = await netFlows(sb.db, SEED_POCKETS.operating, day, day);
    await sb.db.insert(pocketFlows).values(flow(day, "DEPOSIT", 12_345));
    await sb.db
      .insert(pocketFlows)
      .values([
        flow(day, "DEPOSIT", 1_000),
        flow(day, "WITHDRAWAL", 300),
        flow("2026-11-26", "WITHDRAWAL", 7),
      ]);
    expect(await netFlows(sb.db, SEED_POCKETS.operating, day, day)).toBe(before + 12_345 + 700);

    // An amount changed, and a flow moved to another day and turned into a withdrawal.
    await sb.db.update(pocketFlows).set({ amount: 45 }).where(eq(pocketFlows.amount, 12_345));
    await sb.db
      .update(pocketFlows)
      .set({ date: "2026-11-25", kind: "WITHDRAWAL" })
      .where(eq(pocketFlows.amount, 1_000));
    expect(await netFlows(sb.db, SEED_POCKETS.operating, day, day)).toBe(before + 45 - 300);
    let { kept, summed } = await bothWays();
    expect(kept).toEqual(summed);

    await sb.db.delete(pocketFlows).where(eq(pocketFlows.description, "flow-days test"));
    expect(await netFlows(sb.db, SEED_POCKETS.operating, day, day)).toBe(before);
    ({ kept, summed } = await bothWays());
    expect(kept).toEqual(summed);
  });

  it("gives cash as the flows and trades themselves sum it", async () => {
    const [row] = (
      await sb.db.execute<{ cash: string }>(sql`
        select (
          (select coalesce(sum(case when kind = 'DEPOSIT' then amount else -amount end), 0)
            from pocket_flows where pocket_id = ${SEED_POCKETS.operating} and date <= '2026-11-30')
          + (select coalesce(sum(case when kind = 'BUY' then -amount else amount end), 0)
            from pocket_trades
            where pocket_id = ${SEED_POCKETS.operating} and settlement_date <= '2026-11-30')
        )::text as cash`)
    ).rows;
    const cash = await cashOn(sb.db, [SEED_POCKETS.operating], "2026-11-30");
    expect(cash.get(SEED_POCKETS.operating)).toBe(Number(row?.cash));
  });
});
