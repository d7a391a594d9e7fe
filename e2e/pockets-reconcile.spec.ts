import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { overflowing } from "./layout";
import { signIn } from "./portal";
import { personWith } from "./sandbox";

/** Screenshots for review, outside test-results (each run empties it). */
const SHOTS = process.env.SCREENSHOT_DIR || "/tmp/treasury-desk-shots";

const dollars = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.-]/g, "")) * 100);

interface ApiPocket {
  id: string;
  pocket_name: string;
  status: string;
  portfolio: {
    cash: { value: number };
    total_value: { value: number };
    securities: { type: string; quantity: number }[];
  } | null;
}

async function signInAdmin(page: Page) {
  const admin = await personWith(
    (p) =>
      p.teams.length === 1 &&
      p.teams[0]!.role === "ADMIN" &&
      p.teams[0]!.team_name === "Harborline Treasury",
  );
  await signIn(page, admin.email);
}

/** The pockets the signed-in team sees, through the dashboard's own route. */
async function teamPockets(page: Page): Promise<ApiPocket[]> {
  const res = await page.request.get("/api/pockets");
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { items: ApiPocket[] }).items;
}

/** 1280 and 390 px wide, light and dark, saved for review; nothing may run off at 390. */
async function lookAt(page: Page, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 800 ? 720 : 844 });
      await page.screenshot({
        path: `${SHOTS}/${name}-${width}-${colorScheme}.png`,
        fullPage: true,
        animations: "disabled",
      });
      expect.soft(await overflowing(page), `${name} at ${width} px (${colorScheme})`).toEqual([]);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe("pockets and overview reconcile", () => {
  test("the earnings chart starts the month the first pocket opened and adds up to the all-time card", async ({
    page,
  }) => {
    // The history fills over a few requests under Jiko's rate limit.
    test.setTimeout(300_000);
    await signInAdmin(page);
    const open = (await teamPockets(page)).filter((p) => p.status !== "CLOSED");
    const opened = await Promise.all(
      open.map(async (p) => {
        const res = await page.request.get(`/api/pockets/${p.id}/earnings?period=all-time`);
        return ((await res.json()) as { dateFrom: string }).dateFrom;
      }),
    );
    const firstMonth = opened.sort()[0]!.slice(0, 7);

    const card = page.getByRole("region", { name: "Earnings by month" });
    await expect(card.getByText(/^\d+ months$/)).toBeVisible({ timeout: 240_000 });
    await card.getByRole("button", { name: "Show as table" }).click();
    const rows = card.getByTestId("earnings-table").locator("tbody tr");
    await expect(rows.first()).toHaveAttribute("data-month", firstMonth);
    const cumulative = await rows.last().locator("td").last().textContent();
    const allTime = (await page.getByText(/^All time: /).textContent())!.replace("All time: ", "");
    expect(cumulative).toBe(allTime);
    // And the monthly figures themselves add up to it, to the cent.
    const monthly = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelector("td")!.textContent!),
    );
    expect(dollars(monthly.reduce((s, m) => s + cents(m), 0))).toBe(allTime);
    await lookAt(page, "overview");
  });

  test("an unknown pocket, or another team's, is not found at once, with a way back", async ({
    page,
    browser,
  }) => {
    // A pocket of Harborline Europe, as its own admin sees it.
    const europe = await browser.newContext();
    const eu = await europe.newPage();
    await signIn(
      eu,
      (
        await personWith(
          (p) => p.teams.length === 1 && p.teams[0]!.team_name === "Harborline Europe",
        )
      ).email,
    );
    const euPocket = (await teamPockets(eu))[0]!;
    await europe.close();

    await signInAdmin(page);
    for (const id of [crypto.randomUUID(), euPocket.id]) {
      const started = Date.now();
      const response = await page.goto(`/pockets/${id}`);
      // Decided before the response starts: a real 404, not a 200 page saying so.
      expect(response?.status(), id).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Pocket not found" })).toBeVisible();
      // Jiko's 404 is final: no retries before the answer.
      expect(Date.now() - started, id).toBeLessThan(3_000);
      await expect(page.locator('meta[name="robots"][content="noindex"]').first()).toBeAttached();
      await expect(
        page.getByText(/does not exist, or it is not in Harborline Treasury/),
      ).toBeVisible();
      await expect(page.getByText("could not load")).toHaveCount(0);
    }
    await expectAccessible(page);
    await page.getByRole("link", { name: "Back to Pockets" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pockets" })).toBeVisible();

    // A known pocket answers 200 with its figures in the server's HTML: with the page when Jiko
    // answers at once, else streamed in the same response behind the loading screen.
    const known = (await teamPockets(page))[0]!;
    const res = await page.request.get(`/pockets/${known.id}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('data-testid="pocket-value"');
  });

  test("the pockets table totals its rows; each pocket's liquidity ladder ends at cash plus every face value", async ({
    page,
  }) => {
    await signInAdmin(page);
    const pockets = await teamPockets(page);
    await page.goto("/pockets");
    const total = page.getByTestId("pockets-total");
    await expect(total.getByTestId("pockets-total-value")).toHaveText(
      dollars(pockets.reduce((s, p) => s + (p.portfolio?.total_value.value ?? 0), 0)),
    );
    await lookAt(page, "pockets");

    const pocket = pockets.find((p) => (p.portfolio?.securities.length ?? 0) > 0)!;
    await page.getByRole("link", { name: pocket.pocket_name }).click();
    await page.waitForURL(/\/pockets\/[0-9a-f-]{36}$/);
    const detail = (await (
      await page.request.get(`/api/pockets/${pocket.id}`)
    ).json()) as ApiPocket;
    const expected =
      detail.portfolio!.cash.value +
      detail
        .portfolio!.securities.filter((s) => s.type === "FIXED_INCOME")
        .reduce((s, b) => s + b.quantity * 100 * 100, 0);
    const ladder = page.getByRole("region", { name: "Liquidity ladder" });
    await ladder.getByRole("button", { name: "Show as table" }).click();
    const last = ladder.getByTestId("liquidity-table").locator("tbody tr").last();
    await expect(last).toHaveAttribute("data-available", String(expected));
    await expect(last.locator("td").last()).toHaveText(dollars(expected));
    await expectAccessible(page);
    await lookAt(page, "pocket");
  });

  test("a closed pocket offers no account numbers; Reports offers it only for past activity", async ({
    page,
  }) => {
    await signInAdmin(page);
    const name = `Wind-down ${Date.now().toString(36)}`;
    await page.goto("/pockets");
    await page.getByRole("button", { name: "Open a pocket" }).click();
    const dialog = page.getByRole("dialog", { name: "Open a pocket" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Open pocket" }).click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
    // Open, it offers its receiving details.
    await expect(page.getByRole("region", { name: "Receive ACH and wires" })).toBeVisible();

    await page.getByRole("button", { name: "Close pocket" }).click();
    const close = page.getByRole("dialog", { name: new RegExp(`Close ${name}`) });
    await close.getByLabel("Why are you closing it?").selectOption({ label: "No longer needed" });
    await close.getByRole("button", { name: "Close pocket" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Closed");

    await page.reload();
    await expect(page.getByTestId("pocket-closed")).toContainText(/This pocket was closed on /);
    await expect(page.getByRole("region", { name: "Receive ACH and wires" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Reveal account numbers/ })).toHaveCount(0);
    await expect(page.getByTestId("account-number")).toHaveCount(0);
    await expectAccessible(page);
    await lookAt(page, "closed-pocket");

    await page.goto("/reports");
    const form = page.getByRole("form", { name: "Request a report" });
    await expect(form.getByRole("checkbox", { name: "Payroll (13-week)" })).toBeVisible();
    await expect(form.getByRole("checkbox", { name: new RegExp(name) })).toHaveCount(0);
    await form.getByLabel("Report", { exact: true }).selectOption("TRADE_REPORT");
    await expect(form.getByRole("checkbox", { name: `${name} (closed)` })).toBeVisible();
  });
});
