import "server-only";
import { nyDate } from "@/lib/dates";
import { faceCents, forecastCents, maturingWithin } from "@/lib/forecast";
import type { Earnings, FixedIncomeSecurity, Pocket } from "@/lib/jiko/pockets";
import type { Overview } from "@/lib/overview";
import { weightedYield } from "@/lib/pockets";
import type { JikoClient } from "../jiko";
import { processWide } from "../process-wide";
import { TtlMemo } from "../ttl-memo";
import { allPockets } from "./all-pockets";

/**
 * Month- and year-to-date earnings move only when a pocket accrues, which moves its all-time
 * earnings too: an answer is reused while that figure is unchanged, for a minute at most, by
 * everyone who can see the pocket (it came from their own pocket list). The pricing time is no
 * key: Jiko stamps it at every read. An overview
 * then costs one call (the pockets) instead of one plus two per pocket, which kept a few
 * reloads under Jiko's rate limit. The cost: a correction Jiko makes to a past day without
 * touching the all-time figure shows up to a minute late.
 */
const PERIOD_FRESH_MS = 60_000;
const recentPeriods = processWide(
  "overview:recent-periods",
  () => new TtlMemo<Earnings>({ ttlMs: PERIOD_FRESH_MS, max: 10_000 }),
);

function pocketPeriod(jiko: JikoClient, pocket: Pocket, period: "mtd" | "ytd"): Promise<Earnings> {
  const key = `${pocket.id}:${period}:${pocket.portfolio?.all_time_earnings.value ?? ""}`;
  const known = recentPeriods.get(key);
  if (known) return Promise.resolve(known);
  const generation = recentPeriods.generation;
  return jiko.earnings(pocket.id, { period }).then((answer) => {
    recentPeriods.set(key, answer, generation);
    return answer;
  });
}

/**
 * The treasury at a glance, every figure as Jiko gives it: values and holdings from the pockets,
 * month- and year-to-date earnings from Jiko's earnings endpoint (one call per pocket and period),
 * all-time earnings from the portfolios; maturities and the accrual forecast from the holdings.
 */
export async function buildOverview(jiko: JikoClient): Promise<Overview> {
  const pockets = (await allPockets(jiko)).filter((p) => p.status !== "CLOSED");
  const [mtd, ytd] = await Promise.all(
    (["mtd", "ytd"] as const).map((period) =>
      Promise.all(pockets.map((p) => pocketPeriod(jiko, p, period))),
    ),
  );
  const asOf = mtd?.[0]?.date_to ?? new Date().toISOString().slice(0, 10);
  const today = nyDate(
    pockets.find((p) => p.portfolio?.pricing_timestamp)?.portfolio?.pricing_timestamp ??
      `${asOf}T12:00:00Z`,
  );

  const totalCents = pockets.reduce((s, p) => s + (p.portfolio?.total_value.value ?? 0), 0);
  const bills = pockets.flatMap((p) =>
    (p.portfolio?.securities ?? [])
      .filter((s): s is FixedIncomeSecurity => s.type === "FIXED_INCOME")
      .map((s) => ({ pocket: p, bill: s })),
  );
  const allBills = bills.map((b) => b.bill);

  return {
    asOf,
    totalCents,
    // The same integer weighting as the pockets table's total row, so the two agree.
    currentYield: weightedYield(
      pockets.map((p) => ({
        cents: p.portfolio?.total_value.value ?? 0,
        yield: p.portfolio?.current_yield ?? "0",
      })),
    ),
    earnings: {
      mtd: (mtd ?? []).reduce((s, e) => s + e.earnings.value, 0),
      ytd: (ytd ?? []).reduce((s, e) => s + e.earnings.value, 0),
      allTime: pockets.reduce((s, p) => s + (p.portfolio?.all_time_earnings.value ?? 0), 0),
    },
    pockets: pockets.map((p) => ({
      id: p.id,
      name: p.pocket_name,
      status: p.status,
      strategyId: p.deposit_strategy_id,
      valueCents: p.portfolio?.total_value.value ?? 0,
      yield: p.portfolio?.current_yield ?? "0",
      allTimeCents: p.portfolio?.all_time_earnings.value ?? 0,
    })),
    maturities: maturingWithin(
      bills.map((b) => ({ ...b, maturity_date: b.bill.maturity_date })),
      today,
      30,
    ).map(({ pocket, bill }) => ({
      pocketId: pocket.id,
      pocketName: pocket.pocket_name,
      cusip: bill.cusip,
      maturityDate: bill.maturity_date,
      faceCents: faceCents(bill),
      marketCents: bill.market_value.value,
    })),
    forecast: {
      days30: forecastCents(allBills, today, 30),
      days90: forecastCents(allBills, today, 90),
    },
  };
}
