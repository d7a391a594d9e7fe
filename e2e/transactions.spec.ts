import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { parseCsv } from "../sandbox/testing/csv";
import { expectAccessible } from "./axe";
import { signIn } from "./portal";
import { personWith } from "./sandbox";

/**
 * The list's first rows come in the server's HTML, before the list's script runs: keys pressed
 * and clicks made before then do nothing. The list marks itself once it responds.
 */
const interactive = (page: Page) => expect(page.locator("[data-interactive]")).toHaveCount(1);

/** Harborline Treasury's admin, or a read-only member, signed in through the portal. */
async function signInAs(page: Page, who: "admin" | "reader") {
  const person = await personWith((p) =>
    p.teams.some((t) =>
      who === "admin"
        ? t.role === "ADMIN" && t.team_name === "Harborline Treasury"
        : t.role === "READ_ONLY",
    ),
  );
  await signIn(page, person.email);
}

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
      await signInAs(page, "admin");
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
      await signInAs(colleague, "reader");
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

    test("the first page is drawn whole; past it, only the rows in view are in the DOM", async ({
      page,
    }) => {
      await signInAs(page, "admin");
      await page.goto("/transactions");
      await interactive(page);
      const rows = page.getByTestId("transaction-row");
      const counted = page.getByText(/^[\d,]+\+? transactions$/);
      // The company has more than a page: all of the first page's 100 rows are drawn.
      await expect(counted).toHaveText("100+ transactions");
      await expect(rows).toHaveCount(100);
      const scroller = page.getByTestId("transactions-scroller");
      await scroller.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await expect(counted).not.toHaveText("100+ transactions");
      expect(Number((await counted.textContent())!.replace(/\D/g, ""))).toBeGreaterThan(100);
      // The virtualized body keeps a screen of rows (and a few around), where the view was.
      await expect.poll(() => rows.count()).toBeLessThan(60);
      // Where the view was: the rows it shows are drawn, with no blank screen.
      const inView = await rows.evaluateAll((all) => {
        const view = all[0]!.closest("section")!.getBoundingClientRect();
        return all.filter((r) => {
          const box = r.getBoundingClientRect();
          return box.top < view.bottom && box.bottom > view.top;
        }).length;
      });
      expect(inView).toBeGreaterThan(5);
      // Back at the top, j picks the first row, drawn again there.
      await scroller.evaluate((el) => {
        el.scrollTop = 0;
      });
      await page.keyboard.press("j");
      await expect(rows.first()).toHaveAttribute("aria-current", "true");
    });

    test("keyboard: j and k move through the list, Enter opens every field, saved views restore filters", async ({
      page,
    }) => {
      await signInAs(page, "admin");
      await page.goto("/transactions");
      const rows = page.getByTestId("transaction-row");
      await expect(rows.first()).toBeVisible();
      await interactive(page);
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
      // Jiko's codes read as words.
      await expect(drawer.locator('[data-field="status"] dd')).toHaveText(/^(Pending|Settled)$/);
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
      // The page arrives with the person's views: on a view's own URL the server already renders
      // its Delete button, so "Save view" never turns into "Delete view" under a click.
      const html = await (await page.request.get(filtered)).text();
      expect(html).toContain("Delete the view “Card spend”");
      await page.getByRole("button", { name: "Delete the view “Card spend”" }).click();
      await expect(page.getByLabel("Saved views")).toBeDisabled();
      await expectAccessible(page);
    });

    test("amounts as typed, far-off dates refused with the field named, Back undoes the last filter", async ({
      page,
    }) => {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await signInAs(page, "reader");
      await page.goto("/transactions");
      const rows = page.getByTestId("transaction-row");
      await expect(rows.first()).toBeVisible();
      await interactive(page);

      // "1,000" to "5,000": read as dollars, kept in the URL as plain decimals.
      await page.getByLabel("Amount from ($)").fill("1,000");
      await page.getByLabel("Amount to ($)").fill("$5,000");
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/min=1000\.00&max=5000\.00/);
      await expect(rows.first()).toBeVisible();
      for (const text of await rows.allTextContents()) {
        const cents = Number(/[+−]\$([\d,]+\.\d{2})/.exec(text)![1]!.replace(/[,.]/g, ""));
        expect(cents).toBeGreaterThanOrEqual(100_000);
        expect(cents).toBeLessThanOrEqual(500_000);
      }
      const amounts = page.url();

      // What cannot be read is said under its field; the URL stays.
      await page.getByLabel("Amount from ($)").fill("1,0");
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page.locator("#tx-min-error")).toHaveText(
        "Enter an amount like 1,250 or 1250.50",
      );
      await page.getByLabel("Amount from ($)").fill("1,000");

      // Years 0001 and 9999: refused at the form and at the route, naming the field.
      await page.getByLabel("Booked").selectOption({ label: "Custom range" });
      await page.getByLabel("From (ET)").fill("0001-01-01");
      await page.getByLabel("To (ET)").fill("9999-12-31");
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page.locator("#tx-from-error")).toContainText(
        "From must be between 2000-01-01 and today",
      );
      await expect(page.locator("#tx-to-error")).toContainText(
        "To must be between 2000-01-01 and today",
      );
      expect(page.url()).toBe(amounts);
      for (const path of ["/api/transactions", "/api/transactions/export", "/api/trades"]) {
        const res = await page.request.get(`${path}?range=custom&from=0001-01-01&to=9999-12-31`);
        expect(res.status()).toBe(422);
        const body = (await res.json()) as {
          error: { issues: { path: string; message: string }[] };
        };
        expect(body.error.issues.map((i) => i.path).sort()).toEqual(["from", "to"]);
        expect(body.error.issues[0]!.message).toMatch(/must be between 2000-01-01 and today/);
      }
      const res = await page.request.get(
        "/api/transactions?range=custom&from=2026-02-01&to=2026-01-01",
      );
      expect(res.status()).toBe(422);

      // Each apply is a history entry: Back restores the previous filters, Forward the next.
      await page.getByLabel("Booked").selectOption({ label: "Any time" });
      await page.getByLabel("Direction").selectOption({ label: "Money out" });
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/direction=DEBIT/);
      await page.goBack();
      await expect(page).toHaveURL(amounts);
      await expect(page.getByLabel("Direction")).toHaveValue("");
      await expect(page.getByLabel("Amount from ($)")).toHaveValue("1000.00");
      await page.goBack();
      await expect(page).toHaveURL(/\/transactions$/);
      await expect(page.getByLabel("Amount from ($)")).toHaveValue("");
      await page.goForward();
      await expect(page).toHaveURL(amounts);
      expect(errors).toEqual([]);
    });

    test("focus returns to the row after the drawer; search, amount sort, totals and a running balance", async ({
      page,
    }) => {
      await signInAs(page, "reader");
      await page.goto("/transactions");
      const rows = page.getByTestId("transaction-row");
      await expect(rows.nth(3)).toBeVisible();
      await interactive(page);
      await rows.nth(2).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toBeHidden();
      await expect(rows.nth(2)).toBeFocused();
      await rows.nth(3).click();
      await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
      await expect(rows.nth(3)).toBeFocused();

      // One pocket: a balance column, worked back row by row from the pocket's value now.
      await applyFilters(page, { pocket: "Tax Reserve (26-week)" });
      await expect(page.getByRole("columnheader", { name: "Balance" })).toBeVisible();
      const money = (t: string) => {
        const m = /([+−-])?\$([\d,]+)\.(\d{2})/.exec(t)!;
        const cents = Number(m[2]!.replaceAll(",", "")) * 100 + Number(m[3]);
        return m[1] === "−" || m[1] === "-" ? -cents : cents;
      };
      const balance = page.getByTestId("transaction-balance");
      const amount = (i: number) => rows.nth(i).locator("td").nth(5).textContent();
      expect(money((await balance.nth(0).textContent())!) - money((await amount(0))!)).toBe(
        money((await balance.nth(1).textContent())!),
      );
      const net = money((await page.getByTestId("transaction-net").textContent())!);
      expect(Number.isInteger(net)).toBe(true);

      // Search within the loaded rows, said honestly; sorting by amount is labelled too.
      const title = (await rows
        .first()
        .locator("td")
        .nth(3)
        .locator("span")
        .first()
        .textContent())!;
      await page.getByLabel("Search payee, memo or amount").fill(title);
      await expect(page.getByTestId("search-scope")).toContainText(
        /^Searching the \d+ loaded transactions/,
      );
      for (const text of await rows.allTextContents()) expect(text).toContain(title);
      await expect(page.getByRole("columnheader", { name: "Balance" })).toBeHidden();
      await page.getByLabel("Search payee, memo or amount").fill("");
      await page.getByRole("button", { name: "Amount" }).click();
      await expect(page.getByRole("columnheader", { name: /Amount/ })).toHaveAttribute(
        "aria-sort",
        "descending",
      );
      await expect(page.getByTestId("sort-scope")).toContainText("within the");
      const sorted = await Promise.all([0, 1, 2].map(async (i) => money((await amount(i))!)));
      expect([...sorted].sort((a, b) => b - a)).toEqual(sorted);

      // Booked order is Jiko's own, in the URL.
      await page.getByRole("button", { name: "Booked (ET)" }).click();
      await page.getByRole("button", { name: "Booked (ET)" }).click();
      await expect(page).toHaveURL(/order=asc/);
      await expectAccessible(page);

      // A phone: the filters fold behind a button, and nothing is wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      const form = page.getByRole("form", { name: "Filter transactions" });
      await expect(form).toBeHidden();
      await page.getByRole("button", { name: "Filters" }).click();
      await expect(form).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
    });
  });
