import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.0 and 2.1 at levels A and AA, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * WCAG 2.1 rules axe ships as experimental, which tags alone leave off: the accessible name holds
 * the visible label (2.5.3) and no orientation lock (1.3.4).
 */
const WCAG21_EXPERIMENTAL = ["label-content-name-mismatch", "css-orientation-lock"];

/** axe over the page with the rules above (a builder: a spec may narrow it with `exclude`). */
export function axe(page: Page) {
  return new AxeBuilder({ page })
    .options({
      rules: Object.fromEntries(WCAG21_EXPERIMENTAL.map((id) => [id, { enabled: true }])),
    })
    .withTags(AXE_TAGS);
}

/**
 * Transitions and animations that end (a toast sliding in, a dialog fading in) have ended: axe
 * judges contrast on the colours of that moment, and a toast half faded in fails it. Endless ones
 * (a loading pulse) are left running.
 */
export async function settled(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** The page, once settled, has no violation; a failure lists each rule with what it flagged. */
export async function expectAccessible(page: Page) {
  await settled(page);
  const { violations } = await axe(page).analyze();
  expect(
    violations.map((v) => ({
      rule: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    })),
  ).toEqual([]);
}
