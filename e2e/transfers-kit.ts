/** Moving money as the seeded people do it, shared by the specs that need a transfer request. */
import { type Browser, expect, type Page } from "@playwright/test";
import { signInTo } from "./portal";
import { personWith, type SeededTeam } from "./sandbox";

export const TEAM = "Harborline Treasury";
export const POCKET = "Operating Reserve (4-week)";

/** A new browser signed in as the team's person with `role`, on that team. */
export async function signedInAs(
  browser: Browser,
  role: SeededTeam["role"],
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<Page> {
  const person = await personWith((p) =>
    p.teams.some((t) => t.role === role && t.team_name === TEAM),
  );
  const page = await (await browser.newContext(options)).newPage();
  await signInTo(page, person.email, TEAM);
  return page;
}

/**
 * A dashboard JSON route read as the page's hooks read it: Jiko asking to wait (429) or being
 * briefly away (503) is waited out as the page would; anything else fails with what was answered.
 */
export async function readRoute<T>(page: Page, path: string): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const res = await page.request.get(path);
    if (res.ok()) return (await res.json()) as T;
    const passing = res.status() === 429 || res.status() === 503;
    if (!passing || Date.now() > deadline)
      throw new Error(`GET ${path} answered ${res.status()}: ${await res.text()}`);
    await page.waitForTimeout(2_000);
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Chooses the option whose text starts with `start` (options end with balances or details). */
export async function selectByLabelStart(page: Page, label: string, start: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select
    .locator("option")
    .filter({ hasText: new RegExp(`^${escapeRegExp(start)}`) })
    .first()
    .getAttribute("value");
  await select.selectOption(value!);
}

export const requestRow = (page: Page, memo: string) =>
  page.getByTestId("request-row").filter({ hasText: memo });
export const reviewCard = (page: Page, memo: string) =>
  page.locator("[data-review]").filter({ hasText: memo });

/** Through the New transfer form, ending on "My requests" with the new row. */
export async function requestTransfer(
  page: Page,
  t: { memo: string; payee: string; amount: string; pocket?: string },
) {
  await page.goto("/transfers/new");
  await selectByLabelStart(page, "From pocket", t.pocket ?? POCKET);
  await selectByLabelStart(page, "Payee", t.payee);
  await page.getByLabel("Amount (USD)").fill(t.amount);
  await page.getByLabel("Memo (optional)").fill(t.memo);
  await page.getByRole("button", { name: "Review transfer" }).click();
  await page.getByRole("button", { name: "Request transfer" }).click();
  await expect(requestRow(page, t.memo)).toHaveCount(1);
}

/** Live updates are flowing to this page (the stream is open; the page is hydrated). */
export const liveOpen = (page: Page) =>
  expect(page.locator("body")).toHaveAttribute("data-live", "open");

/** Marks the document, so a test can tell later that no reload happened. */
export const markDocument = (page: Page) =>
  page.evaluate(() => void Reflect.set(window, "__sameDocument", true));
export const sameDocument = (page: Page) =>
  page.evaluate(() => Reflect.get(window, "__sameDocument") === true);
