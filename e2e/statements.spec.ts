import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { pdfText } from "../sandbox/testing/pdf-text";
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
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
