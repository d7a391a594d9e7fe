import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { pdfText } from "../sandbox/testing/pdf-text";
import { expectAccessible } from "./axe";
import { E2E } from "./env";
import { signIn } from "./portal";
import { personWith } from "./sandbox";

const dollars = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

test("statements: a year's bank statements for a pocket, and one downloaded as a PDF of the ledger", async ({
  page,
}) => {
  await signIn(page, (await personWith((p) => p.teams.some((t) => t.role === "READ_ONLY"))).email);
  await page.getByRole("link", { name: "Statements" }).click();
  await expect(page.getByTestId("statement-row").first()).toBeVisible();

  const lastYear = String(new Date().getUTCFullYear() - 1);
  await page.getByLabel("Year").selectOption(lastYear);
  await page.getByText(/^Documents:/).click();
  await page.getByRole("checkbox", { name: "Bank statement" }).check();
  await page.getByLabel("Pocket").selectOption({ label: "Operating Reserve (4-week)" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`year=${lastYear}.*type=BANK`));
  const rows = page.getByTestId("statement-row");
  await expect(rows).toHaveCount(12);
  await expect(rows.first()).toContainText(`December ${lastYear}`);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    rows.first().getByRole("link", { name: /PDF/ }).click(),
  ]);
  const bytes = await readFile((await download.path())!);
  expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(1);
  const text = pdfText(bytes);
  expect(text).toContain(`Bank Statement ${lastYear}-12`);

  // Its balances are the ledger's end-of-day cash at the two month ends.
  const pocketId = new URL(
    (await rows.first().getByRole("link", { name: /PDF/ }).getAttribute("href"))!,
    E2E.appUrl,
  ).searchParams.get("pocket")!;
  const eod = async (date: string) =>
    (
      (await (
        await fetch(`${E2E.apiUrl}/_sandbox/pockets/${pocketId}/eod?from=${date}&to=${date}`)
      ).json()) as { items: { cash: number }[] }
    ).items[0]!.cash;
  expect(text[text.indexOf("Opening balance") + 1]).toBe(dollars(await eod(`${lastYear}-11-30`)));
  expect(text[text.indexOf("Closing balance") + 1]).toBe(dollars(await eod(`${lastYear}-12-31`)));
  await expectAccessible(page);
});

test("statements: no signed link reaches the browser; the PDF comes as an attachment", async ({
  page,
}) => {
  await signIn(page, (await personWith((p) => p.teams.some((t) => t.role === "READ_ONLY"))).email);
  const lastYear = String(new Date().getUTCFullYear() - 1);
  const signed = /pdf_download_url|\/_sandbox\/documents\//;

  // The page's server-rendered HTML (its prefetched data included) and the route's JSON.
  const html = await (await page.request.get(`/statements?year=${lastYear}`)).text();
  expect(html).toContain("statement-row");
  expect(html).not.toMatch(signed);
  const res = await page.request.get(`/api/statements?year=${lastYear}&type=BANK`);
  expect(res.status()).toBe(200);
  const json = await res.text();
  expect((JSON.parse(json) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  expect(json).not.toMatch(signed);

  await page.goto(`/statements?year=${lastYear}`);
  const href = await page
    .getByTestId("statement-row")
    .first()
    .getByRole("link")
    .getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment; filename="[\w.-]+\.pdf"$/);
  expect(pdf.headers()["x-content-type-options"]).toBe("nosniff");
});
