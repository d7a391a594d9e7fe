import { expect, type Page, test } from "@playwright/test";
import { axe, settled } from "./axe";
import { overflowing } from "./layout";
import { signIn } from "./portal";
import { personWith, type SeededTeam } from "./sandbox";

/** Screenshots for review, outside test-results (each run empties it). */
const SHOTS = process.env.SCREENSHOT_DIR || "/tmp/treasury-desk-shots";
const PHONE = { width: 390, height: 844 };

/** The page has loaded its data: no request in flight and no skeleton left (or a minute passed). */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("main .animate-pulse"))
    .toHaveCount(0, { timeout: 60_000 })
    .catch(() => {});
}

/**
 * Nothing is wider than the phone, and the page passes axe there in both colour schemes (every
 * failure listed), colour contrast included.
 */
async function expectFits(page: Page, what: string) {
  await settle(page);
  expect
    .soft(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${what} is no wider than the screen`,
    )
    .toBeLessThanOrEqual(PHONE.width);
  expect.soft(await overflowing(page), `nothing on ${what} runs off the screen`).toEqual([]);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await settled(page);
    const { violations } = await axe(page).analyze();
    expect
      .soft(
        violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(" ")) })),
        `axe on ${what} (${colorScheme})`,
      )
      .toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

async function shoot(page: Page, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({
      path: `${SHOTS}/phone-${name}-${colorScheme}.png`,
      fullPage: true,
      animations: "disabled",
    });
    expect(await overflowing(page), `${name} in ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** An admin sees every page; a read-only member the same pages without their actions. */
const ROLES: SeededTeam["role"][] = ["ADMIN", "READ_ONLY"];

test.describe("a phone, 390 px wide", () => {
  test.use({ viewport: PHONE });

  for (const role of ROLES) {
    test(`every page a ${role} sees fits the screen and passes axe`, async ({ page }) => {
      test.setTimeout(300_000);
      const person = await personWith((p) => p.teams.some((t) => t.role === role));
      const team = person.teams.find((t) => t.role === role)!;
      await signIn(page, person.email, { teamName: team.team_name });

      const hrefs = await page
        .getByRole("navigation", { name: "Sections" })
        .getByRole("link")
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(hrefs.length).toBeGreaterThan(0);

      for (const href of hrefs) {
        await page.goto(href);
        await expectFits(page, href);

        if (href === "/pockets") {
          const pocket = page.locator('main a[href^="/pockets/"]').first();
          await expect(pocket).toBeVisible();
          const pocketHref = (await pocket.getAttribute("href"))!;
          await page.goto(pocketHref);
          await expectFits(page, pocketHref);
        }

        if (href === "/trades") {
          const row = page.getByTestId("trade-row").first();
          await expect(row).toBeVisible();
          // A row is a card: its date, amount and status are on screen without scrolling sideways.
          const box = (await row.boundingBox())!;
          expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
          if (role === "ADMIN") await shoot(page, "trades");
        }

        if (href === "/team") {
          if (role === "ADMIN") {
            // The actions of an active member are on screen and open their dialog.
            const change = page.getByRole("button", { name: /^Change role of / }).first();
            const deactivate = page.getByRole("button", { name: /^Deactivate / }).first();
            for (const action of [change, deactivate]) {
              const box = (await action.boundingBox())!;
              expect(box.x).toBeGreaterThanOrEqual(0);
              expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
            }
            await shoot(page, "team");
            const enabled = page
              .getByRole("button", { name: /^Change role of / })
              .and(page.locator(":enabled"));
            await enabled.first().click();
            await expect(page.getByRole("dialog")).toBeVisible();
            await page.keyboard.press("Escape");
            await expect(page.getByRole("dialog")).toBeHidden();
          } else {
            await shoot(page, `team-${role.toLowerCase()}`);
          }
        }
      }
    });
  }
});
