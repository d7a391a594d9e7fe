import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBody } from "../../lib/jiko/common";
import { Earnings, Pocket, PocketList } from "../../lib/jiko/pockets";
import { ListPortalsResponse } from "../../lib/jiko/portals";
import { TradingStrategies } from "../../lib/jiko/strategies";
import { auditLog, pockets } from "../db/schema";
import { isValidCusip } from "../ledger/cusip";
import { SEED, SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { registerTestClient, type TestClient } from "../testing/oauth-client";
import { AVERY, call, eod, SUNDAY, tokenFor } from "./pockets-test-kit";
import { abaCheckDigit } from "./strategies-portals";

const JORDAN = "jordan.patel@harborline.example";

let sb: Sandbox;
let client: TestClient;
let avery: string;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0, now: () => SUNDAY });
  client = await registerTestClient(sb.portalUrl);
  avery = await tokenFor(sb, client, AVERY);
}, 60_000);
afterAll(() => sb?.close());

describe("Pockets v2: list and get", () => {
  it("lists the team customer's pockets with ledger-backed portfolios", async () => {
    const res = await call(sb, avery, "GET", "/api/v2/pockets/");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-limit")).toBe("120");
    const list = PocketList.parse(await res.json());
    expect(list.items.map((p) => p.pocket_name)).toEqual([
      "Operating Reserve (4-week)",
      "Payroll (13-week)",
      "Tax Reserve (26-week)",
      "Strategic Reserve (52-week)",
    ]);
    expect(list.next_page).toBeNull();
    for (const p of list.items) {
      const f = p.portfolio!;
      expect(p).toMatchObject({ status: "OPEN", type: "STANDARD", attributes: [] });
      expect(p.customer_id).toBe(SEED.customers.us);
      const invested = f.securities.reduce((s, x) => s + x.market_value.value, 0);
      expect(f.total_value.value).toBe(f.cash.value + invested);
      expect(f.securities.length).toBeGreaterThan(0);
      for (const sec of f.securities) {
        expect(isValidCusip(sec.cusip)).toBe(true);
        expect(sec.type === "FIXED_INCOME" && sec.maturity_date > "2026-11-29").toBe(true);
      }
      // Today's EOD in the ledger is the portfolio's total.
      const [today] = await eod(sb, p.id, "2026-11-29", "2026-11-29");
      expect(today!.total).toBe(f.total_value.value);
      expect(Number(f.current_yield)).toBeGreaterThan(0.03);
      expect(Number(f.appreciation_per_second)).toBeGreaterThan(0);
      expect(f.total_value.formatted).toMatch(/^\$[\d,]+\.\d\d$/);
    }
  });

  it("pages with cursors and filters by status", async () => {
    const first = PocketList.parse(
      await (await call(sb, avery, "GET", "/api/v2/pockets/?limit=3")).json(),
    );
    expect(first.items).toHaveLength(3);
    expect(first.prev_page).toBeNull();
    const second = PocketList.parse(
      await (
        await call(sb, avery, "GET", `/api/v2/pockets/?limit=3&cursor=${first.next_page}`)
      ).json(),
    );
    expect(second.items.map((p) => p.pocket_name)).toEqual(["Strategic Reserve (52-week)"]);
    expect(second.next_page).toBeNull();
    const back = PocketList.parse(
      await (
        await call(sb, avery, "GET", `/api/v2/pockets/?limit=3&cursor=${second.prev_page}`)
      ).json(),
    );
    expect(back.items.map((p) => p.id)).toEqual(first.items.map((p) => p.id));

    const closed = PocketList.parse(
      await (await call(sb, avery, "GET", "/api/v2/pockets/?filter[status]=CLOSED")).json(),
    );
    expect(closed.items).toEqual([]);
    const bad = await call(sb, avery, "GET", "/api/v2/pockets/?filter[status]=GONE");
    expect(bad.status).toBe(422);
    expect((await call(sb, avery, "GET", "/api/v2/pockets/?limit=101")).status).toBe(422);
  });

  it("gets one pocket; another customer's is 404, a bad id 422", async () => {
    const res = await call(sb, avery, "GET", `/api/v2/pockets/${SEED_POCKETS.tax}/`);
    expect(Pocket.parse(await res.json()).deposit_strategy_id).toBe("UST-26W");
    const eu = await call(sb, avery, "GET", `/api/v2/pockets/${SEED_POCKETS.euBuffer}/`);
    expect(eu.status).toBe(404);
    const bad = await call(sb, avery, "GET", "/api/v2/pockets/nope/");
    expect(bad.status).toBe(422);
    expect(ErrorBody.parse(await bad.json()).detail).toMatchObject([
      { loc: ["path", "pocket_id"] },
    ]);
  });
});

describe("create and update", () => {
  let created: Pocket;

  it("creates an empty OPEN pocket and audits it", async () => {
    const res = await call(sb, avery, "POST", "/api/v2/pockets/", {
      pocket_name: "Capex Reserve",
      trading_strategy_id: "UST-26W",
    });
    expect(res.status).toBe(201);
    created = Pocket.parse(await res.json());
    expect(created).toMatchObject({
      pocket_name: "Capex Reserve",
      status: "OPEN",
      deposit_strategy_id: "UST-26W",
      reinvestment_strategy_id: "UST-26W",
      customer_id: SEED.customers.us,
    });
    expect(created.portfolio).toMatchObject({
      securities: [],
      cash: { value: 0 },
      total_value: { value: 0, formatted: "$0.00" },
      all_time_earnings: { value: 0 },
      appreciation_per_second: "0.000000",
    });
    const wtd = await call(sb, avery, "GET", `/api/v2/pockets/${created.id}/earnings/?period=wtd`);
    const e = Earnings.parse(await wtd.json());
    // Opened today (Sunday 29th): the period starts on the first day, after the last business day.
    expect(e).toMatchObject({
      date_from: "2026-11-29",
      date_to: "2026-11-27",
      earnings: { value: 0 },
    });
    const [entry] = await sb.db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(entry).toMatchObject({ action: "pocket.created", targetType: "pocket", before: null });
  });

  it("refuses unknown strategies and bad names with 422", async () => {
    const res = await call(sb, avery, "POST", "/api/v2/pockets/", {
      pocket_name: "X",
      trading_strategy_id: "UST-8W",
    });
    expect(res.status).toBe(422);
    const body = ErrorBody.parse(await res.json());
    expect(body.detail).toMatchObject([{ loc: ["body", "trading_strategy_id"], input: "UST-8W" }]);
    expect(JSON.stringify(body)).toContain("Unknown trading strategy 'UST-8W'");
    const blank = await call(sb, avery, "POST", "/api/v2/pockets/", {
      pocket_name: " ",
      trading_strategy_id: "UST-4W",
    });
    expect(blank.status).toBe(422);
    const patch = await call(sb, avery, "PATCH", `/api/v2/pockets/${created.id}/`, {
      reinvestment_strategy_id: "UST-1W",
    });
    expect(patch.status).toBe(422);
  });

  it("renames and changes strategies, with before/after in the audit log", async () => {
    const res = await call(sb, avery, "PATCH", `/api/v2/pockets/${created.id}/`, {
      pocket_name: "Capex Reserve 2027",
      deposit_strategy_id: "UST-13W",
      reinvestment_strategy_id: "UST-4W",
    });
    expect(res.status).toBe(200);
    expect(Pocket.parse(await res.json())).toMatchObject({
      pocket_name: "Capex Reserve 2027",
      deposit_strategy_id: "UST-13W",
      reinvestment_strategy_id: "UST-4W",
    });
    const entries = await sb.db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    const updated = entries.find((e) => e.action === "pocket.updated");
    expect(updated?.before).toMatchObject({ pocket_name: "Capex Reserve" });
    expect(updated?.after).toMatchObject({ pocket_name: "Capex Reserve 2027" });
  });

  it("close rules: a reason, an empty pocket, and not once closed", async () => {
    const noReason = await call(sb, avery, "PATCH", `/api/v2/pockets/${created.id}/`, {
      status: "CLOSED",
    });
    expect(noReason.status).toBe(422);
    expect(ErrorBody.parse(await noReason.json()).detail).toMatchObject([
      { loc: ["body", "closure_reason"], type: "missing" },
    ]);
    const funded = await call(sb, avery, "PATCH", `/api/v2/pockets/${SEED_POCKETS.tax}/`, {
      status: "CLOSED",
      closure_reason: "NO_LONGER_NEEDED",
    });
    expect(funded.status).toBe(409);
    expect(ErrorBody.parse(await funded.json()).detail).toMatch(/^The pocket is not empty/);

    const closed = await call(sb, avery, "PATCH", `/api/v2/pockets/${created.id}/`, {
      status: "CLOSED",
      closure_reason: "CONSOLIDATING_POCKETS",
    });
    expect(closed.status).toBe(200);
    expect(Pocket.parse(await closed.json()).status).toBe("CLOSED");
    const again = await call(sb, avery, "PATCH", `/api/v2/pockets/${created.id}/`, {
      pocket_name: "Reopened?",
    });
    expect(again.status).toBe(409);
    expect(ErrorBody.parse(await again.json()).detail).toBe(
      "This pocket is closed: a closed pocket cannot be changed.",
    );
    const entries = await sb.db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(entries.find((e) => e.action === "pocket.closed")?.after).toMatchObject({
      status: "CLOSED",
      closure_reason: "CONSOLIDATING_POCKETS",
    });
    const list = PocketList.parse(
      await (await call(sb, avery, "GET", "/api/v2/pockets/?filter[status]=CLOSED")).json(),
    );
    expect(list.items.map((p) => p.id)).toEqual([created.id]);
  });

  it("refuses to close the customer's last open pocket", async () => {
    const jordan = await tokenFor(sb, client, JORDAN, SEED.teams.eu);
    const res = await call(sb, jordan, "POST", "/api/v2/pockets/", {
      pocket_name: "EU Spare",
      trading_strategy_id: "UST-4W",
    });
    const spare = Pocket.parse(await res.json());
    // Test-only state: the two funded EU pockets become CLOSED, so the spare is the last open one.
    for (const id of [SEED_POCKETS.euOperating, SEED_POCKETS.euBuffer]) {
      await sb.db.update(pockets).set({ status: "CLOSED" }).where(eq(pockets.id, id));
    }
    const last = await call(sb, jordan, "PATCH", `/api/v2/pockets/${spare.id}/`, {
      status: "CLOSED",
      closure_reason: "OTHER",
    });
    expect(last.status).toBe(409);
    expect(ErrorBody.parse(await last.json()).detail).toBe(
      "This is the customer's last open pocket: another OPEN pocket must exist to close it.",
    );
  });

  it("writes need pockets.write (403), reads pockets.read", async () => {
    const readOnly = await registerTestClient(sb.portalUrl, {
      scope: "openid profile pockets.read",
    });
    const token = await tokenFor(sb, readOnly, AVERY);
    expect((await call(sb, token, "GET", "/api/v2/pockets/")).status).toBe(200);
    const res = await call(sb, token, "PATCH", `/api/v2/pockets/${SEED_POCKETS.tax}/`, {
      pocket_name: "Taxes",
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      detail: "The access token does not carry the scope pockets.write.",
    });
    const noScope = await registerTestClient(sb.portalUrl, { scope: "openid profile" });
    const t2 = await tokenFor(sb, noScope, AVERY);
    expect((await call(sb, t2, "GET", "/api/v1/portals/")).status).toBe(403);
  });

  it("writes need a role that manages pockets, whatever the token's scopes", async () => {
    for (const email of ["morgan.lee@harborline.example", "sam.rivera@harborline.example"]) {
      const token = await tokenFor(sb, client, email);
      const patch = await call(sb, token, "PATCH", `/api/v2/pockets/${SEED_POCKETS.tax}/`, {
        pocket_name: "Taxes",
      });
      expect(patch.status, email).toBe(403);
      expect(await patch.json()).toEqual({
        detail: "Only team admins can create, change or close pockets.",
      });
      const post = await call(sb, token, "POST", "/api/v2/pockets/", {
        pocket_name: "Side fund",
        trading_strategy_id: "UST-4W",
      });
      expect(post.status, email).toBe(403);
      expect((await call(sb, token, "GET", "/api/v2/pockets/")).status).toBe(200);
    }
  });
});

describe("trading strategies and portals", () => {
  it("lists the four customer strategies, filterable by applicability", async () => {
    const res = await call(sb, avery, "GET", "/api/v2/trading-strategies/?applicability=DEPOSIT");
    expect(res.headers.get("x-ratelimit-limit")).toBe("300");
    const list = TradingStrategies.parse(await res.json());
    expect(list.items.map((s) => s.id)).toEqual(["UST-4W", "UST-13W", "UST-26W", "UST-52W"]);
    expect(list.count).toBe(4);
    const bad = await call(sb, avery, "GET", "/api/v2/trading-strategies/?applicability=X");
    expect(bad.status).toBe(422);
  });

  it("one portal per pocket, with a checksum-valid routing number", async () => {
    const res = await call(sb, avery, "GET", "/api/v1/portals/");
    expect(res.headers.get("x-ratelimit-limit")).toBe("300");
    const all = ListPortalsResponse.parse(await res.json());
    const open = all.portals.filter((p) => p.status === "OPEN");
    expect(open.map((p) => p.name)).toEqual([
      "Operating Reserve — ACH & wires",
      "Payroll — ACH & wires",
      "Tax Reserve — ACH & wires",
      "Strategic Reserve — ACH & wires",
    ]);
    for (const p of all.portals) {
      expect(abaCheckDigit(p.routing_number.slice(0, 8))).toBe(Number(p.routing_number[8]));
      expect(p.account_number).toMatch(/^\d{12}$/);
    }
    const one = ListPortalsResponse.parse(
      await (
        await call(sb, avery, "GET", `/api/v1/accounts/${SEED_POCKETS.payroll}/portals/`)
      ).json(),
    );
    expect(one).toMatchObject({ count: 1, portals: [{ jiko_account_id: SEED_POCKETS.payroll }] });
    expect(one.portals[0]).toEqual(all.portals[1]);
    const other = await call(
      sb,
      avery,
      "GET",
      `/api/v1/accounts/${SEED_POCKETS.euBuffer}/portals/`,
    );
    expect(other.status).toBe(404);
  });
});
