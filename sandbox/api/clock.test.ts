import { and, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../lib/jiko/business-days";
import { Earnings, Pocket } from "../../lib/jiko/pockets";
import { pocketTrades } from "../db/schema";
import { SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { passwordTokens, registerTestClient } from "../testing/oauth-client";

/** Thanksgiving 2026 (a Thursday, a Fed holiday), noon in New York. */
let wall = new Date("2026-11-26T17:00:00Z");
let sb: Sandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0, now: () => wall });
  const client = await registerTestClient(sb.portalUrl);
  const email = "avery.chen@harborline.example";
  token = (await passwordTokens({ portalUrl: sb.portalUrl, client, email })).access_token;
}, 60_000);
afterAll(() => sb?.close());

const api = async (path: string) => {
  const res = await fetch(`${sb.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.json() as Promise<unknown>;
};
const clock = async (days?: unknown) => {
  const res = await fetch(`${sb.apiUrl}/_sandbox/clock`, {
    method: days === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: days === undefined ? undefined : JSON.stringify({ days }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const operating = async () =>
  Pocket.parse(await api(`/api/v2/pockets/${SEED_POCKETS.operating}/`)).portfolio!;

describe("sandbox clock", () => {
  it("today is the New York date of the wall clock; earnings end on the last business day", async () => {
    expect((await clock()).body).toEqual({ today: "2026-11-26", offset_days: 0 });
    const e = Earnings.parse(await api(`/api/v2/pockets/${SEED_POCKETS.operating}/earnings/`));
    expect(e.date_to).toBe("2026-11-25"); // Thanksgiving rolls back to Wednesday
    const mtd = Earnings.parse(
      await api(`/api/v2/pockets/${SEED_POCKETS.operating}/earnings/?period=mtd`),
    );
    expect(mtd).toMatchObject({ date_from: "2026-11-01", date_to: "2026-11-25" });
  });

  it("advancing matures the 4-week bills, reinvests them and changes values", async () => {
    const before = await operating();
    const oldCusips = before.securities.map((s) => s.cusip);
    const { status, body } = await clock(35);
    expect(status).toBe(200);
    expect(body).toEqual({ today: "2026-12-31", offset_days: 35 });

    const after = await operating();
    // Every bill held on Thanksgiving matured within 4 weeks and was reinvested in new ones.
    expect(after.securities.length).toBeGreaterThan(0);
    for (const s of after.securities) {
      expect(oldCusips).not.toContain(s.cusip);
      expect(s.type === "FIXED_INCOME" && s.maturity_date > "2026-12-31").toBe(true);
    }
    expect(after.pricing_timestamp).toBe(new Date(wall.getTime() + 35 * 86_400_000).toISOString());
    // No flows after the seed: the value only grew by the bills' accrual.
    expect(after.total_value.value).toBeGreaterThan(before.total_value.value);
    expect(after.all_time_earnings.value - before.all_time_earnings.value).toBe(
      after.total_value.value - before.total_value.value,
    );
    const matured = await sb.db
      .select()
      .from(pocketTrades)
      .where(
        and(
          eq(pocketTrades.pocketId, SEED_POCKETS.operating),
          eq(pocketTrades.kind, "MATURITY"),
          gt(pocketTrades.tradeDate, "2026-11-26"),
        ),
      );
    // The old bills matured (and some bought since, too: 4 weeks fit in 35 days).
    const maturedCusips = new Set(matured.map((t) => t.cusip));
    for (const c of oldCusips) expect(maturedCusips.has(c)).toBe(true);
    const eod = await fetch(
      `${sb.apiUrl}/_sandbox/pockets/${SEED_POCKETS.operating}/eod?from=2026-11-27&to=2026-12-31`,
    );
    const items = ((await eod.json()) as { items: Array<{ total: number }> }).items;
    expect(items).toHaveLength(35);
    expect(items[items.length - 1]!.total).toBe(after.total_value.value);
  });

  it("catches up when the wall clock passes midnight", async () => {
    wall = new Date(wall.getTime() + 2 * 86_400_000);
    const p = await operating();
    expect(p.securities.length).toBeGreaterThan(0);
    expect((await clock()).body).toEqual({ today: addDays("2026-12-31", 2), offset_days: 35 });
    const eod = await fetch(
      `${sb.apiUrl}/_sandbox/pockets/${SEED_POCKETS.operating}/eod?from=2027-01-02&to=2027-01-02`,
    );
    const [row] = ((await eod.json()) as { items: Array<{ total: number }> }).items;
    expect(row!.total).toBe(p.total_value.value);
  });

  it("refuses days outside 1..400", async () => {
    expect((await clock(0)).status).toBe(422);
    expect((await clock(401)).status).toBe(422);
    expect((await clock("3")).status).toBe(422);
  });
});
