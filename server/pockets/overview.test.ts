import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { Pocket } from "@/lib/jiko/pockets";
import type { JikoClient } from "../jiko";
import { buildOverview } from "./overview";

vi.mock("server-only", () => ({}));

/** Two pockets whose all-time earnings the test moves, and a count of earnings calls. */
function fakeJiko() {
  const allTime = new Map<string, number>([
    [randomUUID(), 1_000],
    [randomUUID(), 2_000],
  ]);
  const calls: string[] = [];
  const jiko = {
    pockets: async () => ({
      object_type: "CursorList",
      prev_page: null,
      next_page: null,
      items: [...allTime].map(
        ([id, cents]) =>
          ({
            id,
            pocket_name: id,
            status: "ACTIVE",
            deposit_strategy_id: "tbills",
            portfolio: {
              securities: [],
              cash: { value: 0, currency: "USD" },
              total_value: { value: 100_000, currency: "USD" },
              all_time_earnings: { value: cents, currency: "USD" },
              current_yield: "0.040000",
              // Jiko stamps the pricing time at every read.
              pricing_timestamp: new Date().toISOString(),
            },
          }) as unknown as Pocket,
      ),
    }),
    earnings: async (id: string, q: { period: string }) => {
      calls.push(`${id}:${q.period}`);
      const cents = allTime.get(id) ?? 0;
      return {
        earnings: { value: q.period === "mtd" ? cents / 10 : cents / 2, currency: "USD" },
        date_from: "2026-12-01",
        date_to: "2026-12-02",
      };
    },
  } as unknown as JikoClient;
  return { jiko, calls, allTime };
}

describe("the overview's month- and year-to-date earnings", () => {
  it("are asked of Jiko once while the pockets have not accrued", async () => {
    const fake = fakeJiko();
    const first = await buildOverview(fake.jiko);
    expect(fake.calls).toHaveLength(4);
    const again = await buildOverview(fake.jiko);
    expect(fake.calls).toHaveLength(4);
    expect(again.earnings).toEqual(first.earnings);
    expect(first.earnings).toEqual({ mtd: 300, ytd: 1_500, allTime: 3_000 });
  });

  it("are asked again for a pocket whose all-time earnings moved", async () => {
    const fake = fakeJiko();
    await buildOverview(fake.jiko);
    const [moved] = [...fake.allTime.keys()];
    fake.allTime.set(moved!, 1_500);
    const after = await buildOverview(fake.jiko);
    expect(fake.calls.slice(4).sort()).toEqual([`${moved}:mtd`, `${moved}:ytd`]);
    expect(after.earnings).toEqual({ mtd: 350, ytd: 1_750, allTime: 3_500 });
  });

  it("are asked again after a minute", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const fake = fakeJiko();
      await buildOverview(fake.jiko);
      vi.setSystemTime(Date.now() + 61_000);
      await buildOverview(fake.jiko);
      expect(fake.calls).toHaveLength(8);
    } finally {
      vi.useRealTimers();
    }
  });
});
