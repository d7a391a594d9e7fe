import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { parseCsv } from "../sandbox/testing/csv";
import { expectAccessible } from "./axe";
import { signIn } from "./portal";
import { personWith } from "./sandbox";

test("trades: filtered list, its CSV, and a confirmation fetched from Jiko as a PDF", async ({
  page,
}) => {
  await signIn(page, (await personWith((p) => p.teams.some((t) => t.role === "READ_ONLY"))).email);
  await page.getByRole("link", { name: "Trades" }).click();
  await expect(page.getByTestId("trade-row").first()).toBeVisible();

  await page.getByText(/^Pockets:/).click();
  await page.getByRole("checkbox", { name: "Operating Reserve (4-week)" }).check();
  await page.getByLabel("Traded").selectOption({ label: "Last 30 days" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/pocket=.*range=30d/);
  await expect(page.getByText("End of the list")).toBeVisible();
  const rows = page.getByTestId("trade-row");
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id")!));
  expect(ids.length).toBeGreaterThan(5);
  for (const text of await rows.allTextContents()) expect(text).toContain("Operating Reserve");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  const [header, ...csv] = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(csv.map((r) => r[header!.indexOf("id")])).toEqual(ids);

  // The confirmation: the server follows Jiko's 307 to the signed link and streams the PDF.
  const href = await page.getByRole("link", { name: /PDF/ }).first().getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="[\w.-]+\.pdf"$/);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["cache-control"]).toContain("no-store");
  const pdf = await PDFDocument.load(await res.body());
  expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
  expect(pdf.getTitle()).toBe("Trade Confirmation");
  await expectAccessible(page);
});

test("trades: a far-off trade date is refused under its field, and Back undoes a filter", async ({
  page,
}) => {
  await signIn(page, (await personWith((p) => p.teams.some((t) => t.role === "READ_ONLY"))).email);
  await page.goto("/trades");
  await expect(page.getByTestId("trade-row").first()).toBeVisible();
  await page.getByLabel("Traded").selectOption({ label: "Custom range" });
  await page.getByLabel("From (ET)").fill("0001-01-01");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.locator("#tr-from-error")).toContainText(
    "From must be between 2000-01-01 and today",
  );
  await expect(page).toHaveURL(/\/trades$/);
  await page.getByLabel("Traded").selectOption({ label: "Last 30 days" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/range=30d/);
  await page.goBack();
  await expect(page).toHaveURL(/\/trades$/);
  await expect(page.getByLabel("Traded")).toHaveValue("");
});
