import { expect, type Page, type TestInfo, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { signIn } from "./portal";
import { personWith, sandboxFaults } from "./sandbox";

/** One Jiko call's time budget (server/jiko/http.ts) and what a page may add around it. */
const BUDGET_MS = 8_000;
const MARGIN_MS = 4_000;

/** A mark in the page's window: still there after recovery, so nothing reloaded the page. */
const markDocument = (page: Page) =>
  page.evaluate(() => void Reflect.set(window, "__sameDocument", true));
const sameDocument = (page: Page) =>
  page.evaluate(() => Reflect.get(window, "__sameDocument") === true);

const BUILD_FILES = "**/_next/static/**";

/**
 * From now on the build's files this tab has not fetched yet are out of reach, as they are
 * offline or once a newer release has replaced them. Returns the list of those refused; undo with
 * `page.unroute(BUILD_FILES)`.
 */
async function refuseUnfetchedFiles(page: Page): Promise<string[]> {
  const had = new Set(
    await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name)),
  );
  const refused: string[] = [];
  await page.route(BUILD_FILES, (route) => {
    const url = route.request().url();
    if (had.has(url)) return route.continue();
    refused.push(url);
    return route.abort("internetdisconnected");
  });
  return refused;
}

/**
 * The state as people see it, for review: 1280 and 390 px wide, light and dark, each checked
 * with axe (contrast included). Saved in the test's output folder.
 */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 800 ? 720 : 844 });
      const path = testInfo.outputPath(`${name}-${width}-${colorScheme}.png`);
      await page.screenshot({ path, fullPage: true, animations: "disabled" });
    }
    await expectAccessible(page);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function signInAdmin(page: Page) {
  const person = await personWith((p) => p.teams.length === 1 && p.teams[0]!.role === "ADMIN");
  await signIn(page, person.email);
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
}

test.describe("when Jiko is slow or down", () => {
  test.afterEach(() => sandboxFaults(null));

  test("a Jiko slower than the budget: the page says so within it, then comes back by itself", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await signInAdmin(page);
    // Hydrated first: a click before that is a full page load, which waits on the layout's own
    // Jiko call instead of showing the section's skeleton.
    await expect(page.locator("body")).toHaveAttribute("data-live", /.+/);
    await sandboxFaults({ latency_ms: 12_000 });

    const started = Date.now();
    await page.reload();
    const outage = page.getByTestId("jiko-outage");
    await expect(
      outage.getByRole("heading", { name: "Jiko is not answering right now" }),
    ).toBeVisible({ timeout: BUDGET_MS + MARGIN_MS });
    expect(Date.now() - started).toBeLessThan(BUDGET_MS + MARGIN_MS);
    // The product, the state and the retry, no data and no error page. Whether the sections stand
    // around it depends on whether who the person is was still known (kept 30 s per session and
    // grant; this suite's 5-second tokens often replace the grant in between): both are right.
    await expect(page.getByRole("link", { name: "Treasury Desk" })).toBeVisible();
    await expect(outage.getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(outage).toContainText(
      /Trying again in \d+ seconds?|Checking whether Jiko answers/,
    );
    await expect(page.getByText(/went wrong/i)).toHaveCount(0);
    await screenshots(page, testInfo, "outage-after-reload");

    await markDocument(page);
    await sandboxFaults(null);
    // Back by itself on its next try (the shell may have stood all along).
    await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    await expect(outage).toHaveCount(0);
    expect(await sameDocument(page)).toBe(true);
  });

  test("a burst of 503s: the shell stays, the page says Jiko is away, then comes back by itself", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await signInAdmin(page);
    await markDocument(page);
    await sandboxFaults({ status: 503, count: 100_000 });

    // Moving to another section renders only that page: the shell around it stays.
    await page
      .getByRole("navigation", { name: "Sections" })
      .getByRole("link", { name: "Pockets" })
      .click();
    const outage = page.getByTestId("jiko-outage");
    await expect(
      outage.getByRole("heading", { name: "Jiko is not answering right now" }),
    ).toBeVisible({ timeout: BUDGET_MS + MARGIN_MS });
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    await expect(page.getByTestId("viewer-name")).toBeAttached();
    await expect(page.getByText(/went wrong/i)).toHaveCount(0);
    // It tries again by itself; Jiko still down, the shell it had stays.
    await expect(outage).toHaveAttribute("data-failures", "2", { timeout: 15_000 });
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    await screenshots(page, testInfo, "outage-in-shell");

    await sandboxFaults(null);
    await expect(page.getByRole("heading", { name: "Pockets", level: 1 })).toBeVisible({
      timeout: 30_000,
    });
    await expect(outage).toHaveCount(0);
    expect(await sameDocument(page)).toBe(true);
  });

  test("a page fails while its error screen's code cannot be fetched: the shell stays, a reload brings it back", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await signInAdmin(page);
    await expect(page.locator("body")).toHaveAttribute("data-live", /.+/);
    // The Pockets page once, so moving to it again needs no script it has not had.
    const sections = page.getByRole("navigation", { name: "Sections" });
    await sections.getByRole("link", { name: "Pockets" }).click();
    await expect(page.getByRole("heading", { name: "Pockets", level: 1 })).toBeVisible();
    await sections.getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();

    // The error screens are among the files out of reach from here.
    const refused = await refuseUnfetchedFiles(page);
    await sandboxFaults({ status: 503, count: 100_000 });

    await sections.getByRole("link", { name: "Pockets" }).click();
    const unfetched = page.getByTestId("unfetched-error");
    await expect(
      unfetched.getByRole("heading", { name: "Jiko is not answering right now" }),
    ).toBeVisible({ timeout: BUDGET_MS + MARGIN_MS });
    expect(refused.length).toBeGreaterThan(0);
    // The shell stands around it: not the root's last-resort page.
    await expect(sections).toBeVisible();
    await expect(page.getByTestId("viewer-name")).toBeAttached();
    await screenshots(page, testInfo, "unfetched-in-shell");

    await page.unroute(BUILD_FILES);
    await sandboxFaults(null);
    await unfetched.getByRole("button", { name: "Reload the page" }).click();
    await expect(page.getByRole("heading", { name: "Pockets", level: 1 })).toBeVisible({
      timeout: 30_000,
    });
    await expect(unfetched).toHaveCount(0);
  });

  test("code that cannot be fetched, in the header or on a page: it says to reload, not that we failed", async ({
    page,
  }, testInfo) => {
    await signInAdmin(page);
    await expect(page.locator("body")).toHaveAttribute("data-live", /.+/);
    await refuseUnfetchedFiles(page);

    // The account menu's code loads on first use: it cannot come now.
    await page.getByRole("button", { name: /^Account:/ }).click();
    await expect(page.getByRole("heading", { name: "Treasury Desk could not load" })).toBeVisible();
    await expect(page.getByText(/could not fetch what it needs/)).toBeVisible();
    await expect(page.getByText(/failed on our side/)).toHaveCount(0);
    await screenshots(page, testInfo, "unfetched-menu");

    await page.unroute(BUILD_FILES);
    await page.getByRole("button", { name: "Reload the page" }).click();
    await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: /^Account:/ }).click();
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
    await page.keyboard.press("Escape");

    // On a page, a dialog's code: the page says the same inside the shell. (The Transactions
    // page carries the generic error screen's code, which would offer a retry in place.)
    await page
      .getByRole("navigation", { name: "Sections" })
      .getByRole("link", { name: "Transactions" })
      .click();
    await expect(page.getByRole("heading", { name: "Transactions", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save view" })).toBeVisible();
    await refuseUnfetchedFiles(page);
    await page.getByRole("button", { name: "Save view" }).click();
    const unfetched = page.getByTestId("unfetched-error");
    await expect(
      unfetched.getByRole("heading", { name: "This page could not load" }),
    ).toBeVisible();
    // A retry in place would need the same missing code: none is offered.
    await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    await page.unroute(BUILD_FILES);
    await unfetched.getByRole("button", { name: "Reload the page" }).click();
    await page.getByRole("button", { name: "Save view" }).click();
    await expect(page.getByLabel("Name")).toBeVisible();
  });

  test("a slow Jiko while moving between sections: the skeleton says what it waits on, the shell stays", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signInAdmin(page);
    // Hydrated first: a click before that is a full page load, which waits on the layout's own
    // Jiko call instead of showing the section's skeleton.
    await expect(page.locator("body")).toHaveAttribute("data-live", /.+/);
    await sandboxFaults({ latency_ms: 12_000 });

    const started = Date.now();
    await page
      .getByRole("navigation", { name: "Sections" })
      .getByRole("link", { name: "Transactions" })
      .click();
    await expect(page.getByText("Still waiting for Jiko to answer…")).toBeVisible();
    const outage = page.getByTestId("jiko-outage");
    await expect(
      outage.getByRole("heading", { name: "Jiko is not answering right now" }),
    ).toBeVisible({ timeout: BUDGET_MS + MARGIN_MS });
    expect(Date.now() - started).toBeLessThan(BUDGET_MS + MARGIN_MS);
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();

    await sandboxFaults(null);
    await expect(page.getByRole("heading", { name: "Transactions", level: 1 })).toBeVisible({
      timeout: 30_000,
    });
  });

  test("429s with a long Retry-After: the page says to wait, then comes back by itself", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await signInAdmin(page);
    await sandboxFaults({ status: 429, count: 100_000, retry_after: 20 });

    await page.reload();
    const outage = page.getByTestId("jiko-outage");
    await expect(outage.getByRole("heading", { name: "Too many requests to Jiko" })).toBeVisible({
      timeout: BUDGET_MS + MARGIN_MS,
    });
    // It waits what Jiko asked, no sooner.
    await expect(outage).toContainText(/Trying again in (1\d|20) seconds/);
    await expect(outage.getByRole("button", { name: "Try again" })).toBeVisible();
    await screenshots(page, testInfo, "rate-limited");

    await markDocument(page);
    await sandboxFaults(null);
    await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible({ timeout: 35_000 });
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    expect(await sameDocument(page)).toBe(true);
  });
});
