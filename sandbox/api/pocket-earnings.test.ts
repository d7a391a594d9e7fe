import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../lib/jiko/business-days";
import { ErrorBody } from "../../lib/jiko/common";
import { Earnings, Pocket } from "../../lib/jiko/pockets";
import { pockets } from "../db/schema";
import { eodFromLedger } from "../ledger/valuation";
import { SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { registerTestClient } from "../testing/oauth-client";
import { AVERY, call, eod, expectedEarnings, flows, SUNDAY, tokenFor } from "./pockets-test-kit";

let sb: Sandbox;
let avery: string;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0, now: () => SUNDAY });
  avery = await tokenFor(sb, await registerTestClient(sb.portalUrl), AVERY);
}, 60_000);
afterAll(() => sb?.close());

async function earnings(query: string, id = SEED_POCKETS.payroll) {
  const res = await call(sb, avery, "GET", `/api/v2/pockets/${id}/earnings/${query}`);
  return { status: res.status, body: (await res.json()) as unknown };
}
describe("EOD cache and ledger", () => {
  it("the cached EOD equals a recomputation from flows, trades and the curve", async () => {
    const [p] = await sb.db.select().from(pockets).where(eq(pockets.id, SEED_POCKETS.payroll));
    const rows = await eod(sb, p!.id, "2025-12-24", "2026-01-05");
    expect(rows).toHaveLength(13);
    for (const r of rows) {
      const again = await eodFromLedger(sb.db, p!, r.date);
      expect(again).toMatchObject(r);
    }
    // The first day: the opening deposit, nothing before.
    const start = addDays("2026-11-29", -730);
    const [before, first] = await eod(sb, p!.id, addDays(start, -1), start);
    expect(before!.total).toBe(0);
    expect(p!.openedOn).toBe(start);
    expect(first!.total).toBeGreaterThanOrEqual(0);
  });

  it("seeds a payroll rhythm: biweekly withdrawals funded from Operating Reserve", async () => {
    const items = await flows(sb, SEED_POCKETS.payroll, "2026-09-01", "2026-11-29");
    const payrolls = items.filter((f) => f.description.startsWith("Payroll "));
    expect(payrolls.length).toBeGreaterThanOrEqual(6);
    for (const [a, b] of payrolls.slice(1).map((x, i) => [payrolls[i]!, x] as const)) {
      const gap = (Date.parse(b.date) - Date.parse(a.date)) / 86_400_000;
      expect(gap).toBeGreaterThanOrEqual(13);
      expect(gap).toBeLessThanOrEqual(15);
    }
  });
});

describe("earnings", () => {
  it("all-time: from the first day to the last business day (Sunday → Friday)", async () => {
    const { status, body } = await earnings("");
    expect(status).toBe(200);
    const e = Earnings.parse(body);
    expect(e.date_from).toBe(addDays("2026-11-29", -730));
    expect(e.date_to).toBe("2026-11-27");
    expect(e.earnings.value).toBe(
      await expectedEarnings(sb, SEED_POCKETS.payroll, e.date_from!, "2026-11-27"),
    );
    expect(e.earnings.value).toBeGreaterThan(0);
    expect(e.appreciation_per_second).toMatch(/^\d+\.\d{6}$/);
    // The portfolio's all_time_earnings are the same (Sunday's EOD is Friday's, no flows since).
    const pocket = Pocket.parse(
      await (await call(sb, avery, "GET", `/api/v2/pockets/${SEED_POCKETS.payroll}/`)).json(),
    );
    expect(pocket.portfolio!.all_time_earnings.value).toBe(e.earnings.value);
  });

  it("wtd, mtd and ytd start at Monday, the 1st and January 1st", async () => {
    for (const [period, from] of [
      ["wtd", "2026-11-23"],
      ["mtd", "2026-11-01"],
      ["ytd", "2026-01-01"],
    ] as const) {
      for (const id of [SEED_POCKETS.operating, SEED_POCKETS.tax]) {
        const e = Earnings.parse((await earnings(`?period=${period}`, id)).body);
        expect(e).toMatchObject({ date_from: from, date_to: "2026-11-27" });
        expect(e.earnings.value).toBe(await expectedEarnings(sb, id, from, "2026-11-27"));
      }
    }
  });

  it("ranges across month and year boundaries, weekends and holidays, equal EOD differences minus flows", async () => {
    for (const [from, to] of [
      ["2025-12-15", "2026-01-15"], // year boundary
      ["2026-01-31", "2026-03-01"], // month ends, a Saturday start and a Sunday end
      ["2025-11-27", "2025-11-27"], // Thanksgiving 2025: one holiday
      ["2026-07-03", "2026-07-06"], // Friday to Monday over a Saturday holiday
    ] as const) {
      for (const id of Object.values(SEED_POCKETS).slice(0, 4)) {
        const e = Earnings.parse(
          (await earnings(`?period=range&date_from=${from}&date_to=${to}`, id)).body,
        );
        expect(e).toMatchObject({ date_from: from, date_to: to });
        expect(e.earnings.value).toBe(await expectedEarnings(sb, id, from, to));
      }
    }
  });

  it("refuses bad ranges with 422", async () => {
    const missing = await earnings("?period=range&date_from=2026-01-01");
    expect(missing.status).toBe(422);
    expect(ErrorBody.parse(missing.body).detail).toMatchObject([
      { loc: ["query", "date_to"], type: "missing" },
    ]);
    const reversed = await earnings("?period=range&date_from=2026-02-01&date_to=2026-01-01");
    expect(reversed.status).toBe(422);
    const future = await earnings("?period=range&date_from=2026-11-01&date_to=2026-11-30");
    expect(future.status).toBe(422);
    expect((await earnings("?period=quarterly")).status).toBe(422);
    expect((await earnings("?period=range&date_from=2026-02-30&date_to=2026-03-01")).status).toBe(
      422,
    );
  });
});
