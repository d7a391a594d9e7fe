import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBody } from "../../lib/jiko/common";
import { TRADE_CSV_COLUMNS, TradeList, TradeV2List } from "../../lib/jiko/trades";
import { signDocument } from "../documents/signed-url";
import { SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { parseCsv } from "../testing/csv";
import { sandboxWithTokens } from "../testing/oauth-client";

const NOW = new Date("2026-11-30T17:00:00Z");
let sb: Sandbox;
let token: string;
beforeAll(async () => {
  const started = await sandboxWithTokens(startSandbox, () => NOW, [
    "morgan.lee@harborline.example",
  ]);
  sb = started.sb;
  token = started.tokens["morgan.lee@harborline.example"];
}, 60_000);
afterAll(() => sb?.close());

const get = (path: string, redirect: RequestRedirect = "follow") =>
  fetch(`${sb.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` }, redirect });

describe("trades", () => {
  it("v1 and v2 list the same trades, newest first, filtered by pocket and dates", async () => {
    const q = `book_date_from=2026-10-01&book_date_to=2026-10-31&limit=100`;
    const v1 = TradeList.parse(
      await (await get(`/api/v1/trades/?${q}&account[]=${SEED_POCKETS.operating}`)).json(),
    );
    const v2 = TradeV2List.parse(
      await (await get(`/api/v2/trades/?${q}&pocket_id[]=${SEED_POCKETS.operating}`)).json(),
    );
    expect(v1.items.length).toBeGreaterThan(3);
    expect(v2.items.map((t) => t.id)).toEqual(v1.items.map((t) => t.id));
    for (const t of v1.items) {
      expect(t.jiko_account_id).toBe(SEED_POCKETS.operating);
      expect(t.trade_datetime >= "2026-10-01" && t.trade_datetime < "2026-11-01").toBe(true);
      expect(t.is_settled).toBe(true);
    }
    const dates = v1.items.map((t) => t.trade_datetime);
    expect([...dates].sort().reverse()).toEqual(dates);
    const asc = TradeV2List.parse(
      await (
        await get(`/api/v2/trades/?${q}&pocket_id[]=${SEED_POCKETS.operating}&order=asc`)
      ).json(),
    );
    expect(asc.items.map((t) => t.id)).toEqual([...v1.items.map((t) => t.id)].reverse());
  });

  it("pages by cursor without gaps", async () => {
    const first = TradeList.parse(await (await get("/api/v1/trades/?limit=5")).json());
    const second = TradeList.parse(
      await (await get(`/api/v1/trades/?limit=5&cursor=${first.next_page}`)).json(),
    );
    const ten = TradeList.parse(await (await get("/api/v1/trades/?limit=10")).json());
    expect([...first.items, ...second.items].map((t) => t.id)).toEqual(ten.items.map((t) => t.id));
  });

  it("serves trades.csv with the list's rows", async () => {
    const q = `trade_datetime_from=2026-11-02T00:00:00Z&trade_datetime_to=2026-11-06T23:59:59Z`;
    const listed = TradeList.parse(await (await get(`/api/v1/trades/?${q}&limit=100`)).json());
    const res = await get(`/api/v1/trades.csv?${q}`);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual([...TRADE_CSV_COLUMNS]);
    expect(rows.map((r) => r[0])).toEqual(listed.items.map((t) => t.id));
  });

  it("a confirmation is a 307 to a 10-minute link serving a real PDF; maturities have none", async () => {
    const items = TradeList.parse(await (await get("/api/v1/trades/?limit=100")).json()).items;
    const buy = items.find((t) => t.activity === "BUY")!;
    const res = await get(
      `/api/v1/accounts/${buy.jiko_account_id}/trades/${buy.id}/confirmation/`,
      "manual",
    );
    expect(res.status).toBe(307);
    const link = res.headers.get("location")!;
    const pdf = await fetch(link);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(1);

    const maturity = items.find((t) => t.activity === "MATURITY")!;
    const none = await get(
      `/api/v1/accounts/${maturity.jiko_account_id}/trades/${maturity.id}/confirmation/`,
      "manual",
    );
    expect(none.status).toBe(404);
    expect(ErrorBody.parse(await none.json()).detail).toMatch(/MATURITY/);

    const stale = signDocument(
      { kind: "trade-confirmation", id: buy.id },
      Date.now() - 11 * 60_000,
    );
    expect((await fetch(`${sb.apiUrl}/_sandbox/documents/${stale}`)).status).toBe(403);
    expect((await fetch(`${link}x`)).status).toBe(403);
  });
});
