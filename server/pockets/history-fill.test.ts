import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/jiko/business-days";
import type { Pocket } from "@/lib/jiko/pockets";
import { monthEnd } from "@/lib/months";
import { type DbHandle, openDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import { earningsCache } from "../db/schema";
import type { JikoClient } from "../jiko";
import { record } from "../jiko/pacer";
import { earningsSeries, historyPeriods } from "./earnings-series";
import { startHistoryFill, stopHistoryFill } from "./history-fill";
import { buildOverview } from "./overview";

/** Jiko's current business day in these tests (a Friday) and the month it falls in. */
const AS_OF = "2026-11-20";
/** What the portfolio has accrued past Jiko's last business day (its live mark). */
const INTRADAY_CENTS = 37;

let handle: DbHandle;
beforeAll(async () => {
  handle = openDb({ dataDir: "memory://" });
  await migrateDb(handle);
  (globalThis as unknown as { __treasuryDeskDb?: unknown }).__treasuryDeskDb = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

/** A pocket's earnings per day, from its opening day: a deterministic ledger. */
const dailyCents = (seed: number, day: string) =>
  100 + ((Number(day.slice(8)) * 7 + Number(day.slice(5, 7)) * 3 + seed) % 50);

function sumBetween(seed: number, from: string, to: string) {
  let cents = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) cents += dailyCents(seed, d);
  return cents;
}

/**
 * Jiko's pockets and earnings endpoints over that ledger, one person's view: every call counts
 * against the person's budget as the real client's calls do, and each range call is noted.
 */
function fakeJiko(userId: string, pockets: { id: string; opened: string; seed: number }[]) {
  const ranges: { pocketId: string; from: string; to: string }[] = [];
  const allTime = (p: (typeof pockets)[number]) => sumBetween(p.seed, p.opened, AS_OF);
  const jiko = {
    pockets: async () => {
      record(userId, "pockets");
      return {
        object_type: "CursorList",
        prev_page: null,
        next_page: null,
        items: pockets.map(
          (p) =>
            ({
              id: p.id,
              pocket_name: `Pocket ${p.seed}`,
              status: "ACTIVE",
              deposit_strategy_id: "tbills",
              portfolio: {
                securities: [],
                cash: { value: 0, currency: "USD" },
                total_value: { value: 1_000_000, currency: "USD" },
                all_time_earnings: { value: allTime(p) + INTRADAY_CENTS, currency: "USD" },
                current_yield: "0.040000",
                pricing_timestamp: `${AS_OF}T18:00:00Z`,
              },
            }) as unknown as Pocket,
        ),
      };
    },
    earnings: async (
      id: string,
      q: { period: string; date_from?: string; date_to?: string },
    ): Promise<{ earnings: { value: number }; date_from: string | null; date_to: string }> => {
      record(userId, "pockets");
      await new Promise((r) => setTimeout(r, 2));
      const p = pockets.find((x) => x.id === id)!;
      if (q.period === "range") {
        ranges.push({ pocketId: id, from: q.date_from!, to: q.date_to! });
        return {
          earnings: { value: sumBetween(p.seed, q.date_from!, q.date_to!) },
          date_from: q.date_from!,
          date_to: q.date_to!,
        };
      }
      const from =
        q.period === "mtd" ? `${AS_OF.slice(0, 8)}01` : q.period === "ytd" ? "2026-01-01" : null;
      const start = from && from > p.opened ? from : p.opened;
      return {
        earnings: { value: sumBetween(p.seed, start, AS_OF) },
        date_from: start,
        date_to: AS_OF,
      };
    },
  };
  return { jiko: jiko as unknown as JikoClient, ranges, allTime };
}

const team = (n: number, opened = "2025-03-10") =>
  Array.from({ length: n }, (_, i) => ({ id: randomUUID(), opened, seed: i * 11 + n }));

const cachedRows = async (ids: string[]) =>
  (await handle.db.select().from(earningsCache).where(inArray(earningsCache.pocketId, ids))).length;

const waitUntilStill = async (count: () => number) => {
  let last = -1;
  while (count() !== last) {
    last = count();
    await new Promise((r) => setTimeout(r, 300));
  }
};

describe("closed months of earnings, a fact of the team's pockets", () => {
  it("fills once for the team: a second person's read asks Jiko for no closed month", async () => {
    const pockets = [...team(1), { id: randomUUID(), opened: "2025-09-02", seed: 5 }];
    const ids = pockets.map((p) => p.id);
    const [one, two, three] = ["first", "second", "third"].map((n) => `${n}-${randomUUID()}`);
    const first = fakeJiko(one!, pockets);
    const second = fakeJiko(two!, pockets);
    const { closed } = await historyPeriods(first.jiko, ids);
    expect(closed).toHaveLength(20 + 14);

    // Both of them signed in at once: each lends a worker, no month is asked for twice.
    const a = await startHistoryFill(one!, first.jiko, closed);
    const b = await startHistoryFill(two!, second.jiko, closed);
    await Promise.all([a.done, b.done]);
    expect(first.ranges.length + second.ranges.length).toBe(closed.length);

    const third = fakeJiko(three!, pockets);
    const { items } = await third.jiko.pockets();
    const series = await earningsSeries(three!, third.jiko, items);
    expect(third.ranges).toEqual([]);
    expect(series).toMatchObject({ complete: true, loaded: 34, needed: 34 });
    expect(series.months).toHaveLength(21);
  });

  it("fills in the background within the person's share of Jiko's limit, and says how far", async () => {
    const pockets = team(4, "2024-06-03");
    const ids = pockets.map((p) => p.id);
    const userId = `share-${randomUUID()}`;
    const fake = fakeJiko(userId, pockets);
    const { items } = await fake.jiko.pockets();
    const before = await earningsSeries(userId, fake.jiko, items);
    expect(before).toMatchObject({ complete: false, loaded: 0, needed: 4 * 29 });

    await waitUntilStill(() => fake.ranges.length);
    // 60% of the pockets group's 120 calls a minute, less the listing and the 4 all-time spans.
    expect(fake.ranges.length).toBe(72 - 5);
    expect(await cachedRows(ids)).toBe(fake.ranges.length);

    const during = await earningsSeries(userId, fake.jiko, items);
    expect(during).toMatchObject({ complete: false, loaded: 67, needed: 116 });
    // Oldest first: what shows is a true beginning of the history, so its running total is too.
    expect(during.months[0]?.month).toBe("2024-06");
    const shown = during.months.at(-1)!.month;
    const shownTotal = during.months.reduce((s, m) => s + m.cents, 0);
    const lastDay = monthEnd(shown);
    expect(shownTotal).toBe(pockets.reduce((s, p) => s + sumBetween(p.seed, p.opened, lastDay), 0));
    await stopHistoryFill(ids);
  });
});

describe("the history and the cards agree", () => {
  it("ends the running total on the cards' all-time earnings", async () => {
    const pockets = [...team(2, "2025-07-15"), { id: randomUUID(), opened: "2026-11-03", seed: 9 }];
    const userId = `cards-${randomUUID()}`;
    const fake = fakeJiko(userId, pockets);
    const { closed } = await historyPeriods(
      fake.jiko,
      pockets.map((p) => p.id),
    );
    await (await startHistoryFill(userId, fake.jiko, closed)).done;

    const { items } = await fake.jiko.pockets();
    const series = await earningsSeries(userId, fake.jiko, items);
    const overview = await buildOverview(fake.jiko);
    expect(series.complete).toBe(true);
    expect(series.months.at(-1)?.month).toBe("2026-11");
    expect(series.months.reduce((s, m) => s + m.cents, 0)).toBe(overview.earnings.allTime);
  });
});
