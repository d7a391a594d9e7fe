import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E } from "./env";
import { overflowing } from "./layout";
import { requestTransfer, signedInAs } from "./transfers-kit";

/**
 * The header's bell, as a reviewer lives it: an initiator in another browser asks for a transfer,
 * the reviewer's bell counts it without a reload, and opening it leads to the approval queue.
 * Each test makes its own requests, apart from the transfers spec's.
 */
const PAYEE = "Atlas Fleet Equipment Inc.";
const PHONE = { width: 390, height: 844 };

/** Starts from a bell with nothing unread, whatever other specs left behind. */
async function clearBell(page: Page) {
  const team = (await page.locator("[data-team-id]").first().getAttribute("data-team-id"))!;
  for (let i = 0; i < 5; i++) {
    const res = await page.request.post("/api/notifications/read-all", {
      headers: { origin: E2E.appUrl, "x-td-team": team },
    });
    expect(res.ok()).toBe(true);
    if (!(await res.json()).remaining) break;
  }
  await page.reload();
  await expect(bell(page)).toHaveAccessibleName("Notifications, none unread");
}

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications,/ });
const count = (page: Page) => page.getByTestId("notification-count");

test("a reviewer's bell counts a new request; its notification opens the approval queue", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const jordan = await signedInAs(browser, "REVIEWER");
  await clearBell(jordan);
  await expect(count(jordan)).toHaveCount(0);

  const sam = await signedInAs(browser, "INITIATOR");
  const memo = `Bell ${Date.now()}`;
  await requestTransfer(sam, { memo, payee: PAYEE, amount: "25" });

  // No reload: Jiko's event reaches the open page and the bell reads again (its own re-read is
  // every 30 s, so within ten seconds it can only be the event).
  await expect(count(jordan)).toHaveText("1", { timeout: 10_000 });
  await expect(bell(jordan)).toHaveAccessibleName("Notifications, 1 unread");

  // Reachable by keyboard: focus the bell, open it with Enter, arrow to the notification.
  await bell(jordan).focus();
  await jordan.keyboard.press("Enter");
  const panel = jordan.getByTestId("notification-panel");
  await expect(panel).toBeVisible();
  const item = panel.getByTestId("notification-item").filter({ hasText: PAYEE }).first();
  await expect(item).toHaveAttribute("data-unread", "true");
  await expect(item).toContainText("Transfer request awaiting your review");
  await expect(item).toContainText("$25.00");
  await expect(item.locator("time")).toHaveText(/just now|minute/);
  await expectAccessible(jordan);

  const marked = jordan.waitForResponse(
    (r) => r.request().method() === "PATCH" && r.url().includes("/api/notifications/"),
  );
  await item.click();
  await expect(jordan).toHaveURL(/\/approvals$/);
  await expect(jordan.locator("[data-review]").filter({ hasText: memo })).toHaveCount(1);
  await expect(count(jordan)).toHaveCount(0);
  await expect(bell(jordan)).toHaveAccessibleName("Notifications, none unread");
  // Jiko holds it read once it has answered (the bell shows it read at once, before Jiko does): a
  // reload still counts nothing.
  expect((await marked).ok()).toBe(true);
  await jordan.reload();
  await bell(jordan).click();
  await expect(
    jordan.getByTestId("notification-item").filter({ hasText: PAYEE }).first(),
  ).not.toHaveAttribute("data-unread");
});

test("mark all read clears the bell; the panel fits a phone in dark mode", async ({ browser }) => {
  test.setTimeout(180_000);
  const jordan = await signedInAs(browser, "REVIEWER", { viewport: PHONE, colorScheme: "dark" });
  await clearBell(jordan);

  const sam = await signedInAs(browser, "INITIATOR");
  for (const memo of [`Bell A ${Date.now()}`, `Bell B ${Date.now()}`]) {
    await requestTransfer(sam, { memo, payee: PAYEE, amount: "25" });
  }
  await jordan.reload();
  await expect(count(jordan)).toHaveText("2");
  await expect(bell(jordan)).toHaveAccessibleName("Notifications, 2 unread");

  await bell(jordan).click();
  const panel = jordan.getByTestId("notification-panel");
  await expect(panel.locator("[data-unread]")).toHaveCount(2);
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(await overflowing(jordan)).toEqual([]);
  await expectAccessible(jordan);

  const markedAll = jordan.waitForResponse((r) => r.url().endsWith("/api/notifications/read-all"));
  await panel.getByRole("menuitem", { name: "Mark all read" }).click();
  await expect(count(jordan)).toHaveCount(0);
  await expect(bell(jordan)).toHaveAccessibleName("Notifications, none unread");
  // The bell shows them read at once; a reload reads Jiko, which holds them read once it answered.
  expect((await markedAll).ok()).toBe(true);
  await jordan.reload();
  await expect(bell(jordan)).toHaveAccessibleName("Notifications, none unread");
  await bell(jordan).click();
  await expect(jordan.getByTestId("notification-panel").locator("[data-unread]")).toHaveCount(0);
  await expect(
    jordan.getByTestId("notification-panel").getByRole("menuitem", { name: "Mark all read" }),
  ).toBeDisabled();
});
