import { expect, type Page, test } from "@playwright/test";
import { axe, settled } from "./axe";
import { signIn } from "./portal";
import { personWith } from "./sandbox";

/** axe's color-contrast rule over the page: no text or control below WCAG AA. */
async function expectContrast(page: Page) {
  await settled(page);
  const { violations } = await axe(page).analyze();
  expect(
    violations
      .filter((v) => v.id === "color-contrast")
      .flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`)),
  ).toEqual([]);
}

const harborlineAdmin = () =>
  personWith(
    (p) =>
      p.teams.length === 1 &&
      p.teams[0]!.role === "ADMIN" &&
      p.teams[0]!.team_name === "Harborline Treasury",
  );

test.describe("dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("the overview's charts keep WCAG AA contrast", async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: "dark" });
    await signIn(page, (await harborlineAdmin()).email);
    await expect(page.getByText(/^\d+ months$/)).toBeVisible({ timeout: 150_000 });
    const legend = page.locator(".recharts-legend-wrapper").getByText("Cumulative");
    await expect(legend).toBeVisible();
    // The legend's text and the line are in the dark palette, not ink-700 on ink-900 (1.84:1).
    expect(await legend.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(176, 184, 201)");
    const line = page.locator(".recharts-line-curve").first();
    expect(await line.getAttribute("stroke")).toBe("#b0b8c9");
    const tick = page.locator(".recharts-cartesian-axis-tick-value").first();
    expect(await tick.getAttribute("fill")).toBe("#b0b8c9");
    await expectContrast(page);
  });
});

test.describe("header with long names", () => {
  // No cheap way to give a seeded person a long name (Jiko's member edit changes role and status
  // only), so the header's own text is lengthened in place and the layout measured.
  const longName = "Maximiliana Alexandrina Featherstonehaugh-Smythe"; // 48 characters
  const longTeam = "Harborline Treasury Operations and Reserves International";

  async function lengthen(page: Page) {
    await page.getByTestId("viewer-name").evaluate((el, n) => {
      el.textContent = n;
    }, longName);
    await page.getByTestId("active-team").evaluate((el, n) => {
      el.textContent = n;
    }, longTeam);
  }

  test("at 390 px nothing overflows the page", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, (await harborlineAdmin()).email);
    await lengthen(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
  });

  test("at 1280 px the header keeps one row: names are cut, every section stays", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, (await harborlineAdmin()).email);
    const header = page.getByRole("banner");
    const before = (await header.boundingBox())!.height;
    await lengthen(page);
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(before + 1);
    const links = page.getByRole("navigation", { name: "Sections" }).getByRole("link");
    const menu = page.getByRole("button", { name: /^Account:/ });
    for (const item of [...(await links.all()), menu]) {
      const box = (await item.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(before);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
    }
    // The full names stay reachable where they are cut.
    await expect(page.getByTestId("viewer-name")).toHaveAttribute("title", /\S/);
  });
});
