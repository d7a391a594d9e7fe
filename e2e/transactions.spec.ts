import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { parseCsv } from "../sandbox/testing/csv";
import { expectAccessible } from "./axe";
import { signIn } from "./portal";
import { personWith } from "./sandbox";

/** The ids of every row the list shows, scrolling the virtualized table to its end. */
async function allRowIds(page: Page): Promise<string[]> {
  const scroller = page.getByTestId("transactions-scroller");
  const ids = new Set<string>();
  for (let i = 0; i < 200; i++) {
    for (const id of await page
      .getByTestId("transaction-row")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")!)))
      ids.add(id);
    const done = await scroller.evaluate((el) => {
      const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      el.scrollTop += el.clientHeight * 0.8;
      return atEnd;
    });
    if (done && !(await page.getByText("Loading more…").isVisible())) break;
    await page.waitForTimeout(50);
  }
  return [...ids];
}

async function applyFilters(page: Page, o: { pocket?: string; type?: string; direction?: string }) {
  if (o.pocket) {
    await page.getByText(/^Pockets:/).click();
    await page.getByRole("checkbox", { name: o.pocket }).check();
  }
  if (o.type) {
    await page.getByText(/^Types:/).click();
    await page.getByRole("checkbox", { name: o.type, exact: true }).check();
  }
  if (o.direction) await page.getByLabel("Direction").selectOption({ label: o.direction });
  await page.getByRole("button", { name: "Apply" }).click();
}

test.describe
  .serial("transactions", () => {
    test("a filter survives a reload and a shared link, and the export holds exactly its rows", async ({
      page,
      browser,
    }) => {
      const admin = await personWith((p) =>
        p.teams.some((t) => t.role === "ADMIN" && t.team_name === "Harborline Treasury"),
      );
      await signIn(page, admin.email);
      await page.getByRole("link", { name: "Transactions" }).click();
      await expect(page.getByTestId("transaction-row").first()).toBeVisible();

      await applyFilters(page, { pocket: "Tax Reserve (26-week)", direction: "Money out" });
      await expect(page).toHaveURL(/pocket=.*direction=DEBIT/);
      await expect(page.getByText(/^\d+ transactions$/)).toBeVisible();
      const shown = await allRowIds(page);
      expect(shown.length).toBeGreaterThan(5);
      const titles = await page.getByTestId("transaction-row").allTextContents();
      expect(titles.every((t) => t.includes("Tax Reserve") && t.includes("−"))).toBe(true);

      await page.reload();
      await expect(page.getByLabel("Direction")).toHaveValue("DEBIT");
      await expect(page.getByText(/^Pockets: 1 selected$/)).toBeVisible();
      expect(await allRowIds(page)).toEqual(shown);

      // The same link, opened by a colleague on the same team, shows the same rows.
      const url = page.url();
      const colleague = await browser.newPage();
      await signIn(
        colleague,
        (await personWith((p) => p.teams.some((t) => t.role === "READ_ONLY"))).email,
      );
      await colleague.goto(url);
      await expect(colleague.getByLabel("Direction")).toHaveValue("DEBIT");
      expect(await allRowIds(colleague)).toEqual(shown);
      await colleague.close();

      // The export: exactly these rows, in the same order.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Export CSV" }).click(),
      ]);
      const [header, ...rows] = parseCsv(await readFile((await download.path())!, "utf8"));
      expect(rows.map((r) => r[header!.indexOf("id")])).toEqual(shown);
      expect(rows.every((r) => r[header!.indexOf("direction")] === "DEBIT")).toBe(true);
    });

    test("keyboard: j and k move through the list, Enter opens every field, saved views restore filters", async ({
      page,
    }) => {
      const admin = await personWith((p) =>
        p.teams.some((t) => t.role === "ADMIN" && t.team_name === "Harborline Treasury"),
      );
      await signIn(page, admin.email);
      await page.goto("/transactions");
      const rows = page.getByTestId("transaction-row");
      await expect(rows.first()).toBeVisible();
      await page.keyboard.press("j");
      await page.keyboard.press("j");
      await page.keyboard.press("j");
      await page.keyboard.press("k");
      await expect(rows.nth(1)).toHaveAttribute("aria-current", "true");
      await expect(rows.nth(1)).toBeFocused();
      const id = await rows.nth(1).getAttribute("data-id");
      await page.keyboard.press("Enter");
      const drawer = page.getByRole("dialog");
      await expect(drawer.getByTestId("transaction-detail")).toBeVisible();
      await expect(drawer.locator('[data-field="id"] dd')).toHaveText(id!);
      for (const field of ["amount", "time_booked", "status", "direction", "pocket_id", "type"]) {
        await expect(drawer.locator(`[data-field="${field}"] dd`)).not.toHaveText("");
      }
      await expectAccessible(page);
      await page.keyboard.press("Escape");
      await expect(drawer).toBeHidden();

      // A card transaction shows the card variant's own fields.
      await applyFilters(page, { type: "Card" });
      await expect(page).toHaveURL(/type=CARD/);
      await expect(page.getByText(/^Types: 1 selected$/)).toBeVisible();
      await expect(rows.first()).toContainText("Card");
      await rows.first().click();
      await expect(
        page.getByRole("dialog").locator('[data-field="merchant_name"] dd'),
      ).not.toHaveText("—");
      await page.keyboard.press("Escape");

      // Save the view, leave it, come back to it through the list of views.
      const filtered = page.url();
      await page.getByRole("button", { name: "Save view" }).click();
      await page.getByLabel("Name").fill("Card spend");
      await page.getByRole("button", { name: "Save view" }).last().click();
      await expect(page.getByText("Saved the view “Card spend”")).toBeVisible();
      await page.getByRole("button", { name: "Clear" }).click();
      await expect(page).toHaveURL(/\/transactions$/);
      await page.getByLabel("Saved views").selectOption({ label: "Card spend" });
      await expect(page).toHaveURL(filtered);
      await expect(page.getByText(/^Types: 1 selected$/)).toBeVisible();
      await page.getByRole("button", { name: "Delete the view “Card spend”" }).click();
      await expect(page.getByLabel("Saved views")).toBeDisabled();
      await expectAccessible(page);
    });
  });
