import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StatementList } from "../../lib/jiko/statements";
import { SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { sandboxWithTokens } from "../testing/oauth-client";
import { pdfText } from "../testing/pdf-text";

/** Monday 2026-11-30: October's statements are out (Nov 10), November's are not. */
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

const list = async (query: string) => {
  const res = await fetch(`${sb.apiUrl}/api/v1/statements/?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return StatementList.parse(await res.json());
};
const text = async (url: string) => {
  const res = await fetch(url);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  return pdfText(new Uint8Array(await res.arrayBuffer()));
};
const eod = async (id: string, date: string) => {
  const res = await fetch(`${sb.apiUrl}/_sandbox/pockets/${id}/eod?from=${date}&to=${date}`);
  return ((await res.json()) as { items: { cash: number; securities: number }[] }).items[0]!;
};
const dollars = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

describe("statements", () => {
  it("lists a pocket's monthly statements as they come out, filtered by type and key", async () => {
    const bank = await list(`account[]=${SEED_POCKETS.tax}&type[]=BANK&key=2026&limit=100`);
    expect(bank.items.map((s) => s.key)).toEqual(
      ["10", "09", "08", "07", "06", "05", "04", "03", "02", "01"].map((m) => `2026-${m}`),
    );
    expect(bank.items.every((s) => s.jiko_account_id === SEED_POCKETS.tax)).toBe(true);
    const month = await list(`account[]=${SEED_POCKETS.tax}&key=2026-10`);
    expect(month.items.map((s) => s.type).sort()).toEqual(["BANK", "BROKERAGE"]);
    const tax = await list(`account[]=${SEED_POCKETS.tax}&type[]=1099INT&type[]=1099B`);
    expect(tax.items.map((s) => `${s.type} ${s.key}`).sort()).toEqual([
      "1099B 2024",
      "1099B 2025",
      "1099INT 2024",
      "1099INT 2025",
    ]);
  });

  it("pages newest first by cursor", async () => {
    const first = await list("limit=7");
    const second = await list(`limit=7&cursor=${first.next_page}`);
    const both = await list("limit=14");
    expect([...first.items, ...second.items].map((s) => s.id)).toEqual(both.items.map((s) => s.id));
  });

  it("a bank statement's balances and a brokerage statement's values are the ledger's", async () => {
    const [bank] = (await list(`account[]=${SEED_POCKETS.operating}&type[]=BANK&key=2026-10`))
      .items;
    const [brokerage] = (
      await list(`account[]=${SEED_POCKETS.operating}&type[]=BROKERAGE&key=2026-10`)
    ).items;
    const open = await eod(SEED_POCKETS.operating, "2026-09-30");
    const close = await eod(SEED_POCKETS.operating, "2026-10-31");
    const bankText = await text(bank!.pdf_download_url);
    expect(bankText[bankText.indexOf("Opening balance") + 1]).toBe(dollars(open.cash));
    expect(bankText[bankText.indexOf("Closing balance") + 1]).toBe(dollars(close.cash));
    expect(bankText).toContain("Vendor payments");
    const brokerageText = await text(brokerage!.pdf_download_url);
    expect(brokerageText[brokerageText.indexOf("Closing value of securities") + 1]).toBe(
      dollars(close.securities),
    );
    expect(brokerageText).toContain("Holdings at period end");
  });
});
