/**
 * Settings → Webhooks: an admin subscribes this dashboard's URL, sees the secret once, sends a
 * test event and reads its delivery attempt, disables and deletes the subscription; Jiko's
 * refusal of a URL lands under the field; anyone else has no Settings and a 403 from the route.
 */
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E } from "./env";
import { signIn } from "./portal";
import { personWith } from "./sandbox";

const TREASURY = "Harborline Treasury";
const OWN_URL = `${E2E.appUrl}/api/webhooks/jiko`;

async function signedIn(browser: Browser, email: string, teamName: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, { teamName });
  await expect(page.getByTestId("active-team")).toHaveText(teamName);
  return page;
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Sections" });

test.describe
  .serial("webhook subscriptions of an admin", () => {
    let admin: Page;
    const description = `Live updates ${Date.now()}`;
    let row: Locator;

    test.beforeAll(async ({ browser }) => {
      const person = await personWith((p) =>
        p.teams.some(
          (t) => t.team_name === TREASURY && t.role === "ADMIN" && t.member_status === "ACTIVE",
        ),
      );
      admin = await signedIn(browser, person.email, TREASURY);
      row = admin.getByRole("row").filter({ hasText: description });
    });

    test("Settings is the last section and says how live updates arrive", async () => {
      await admin.goto("/");
      const links = nav(admin).getByRole("link");
      await expect(links.last()).toHaveText("Settings");
      await links.last().click();
      await expect(admin).toHaveURL(/\/settings\/webhooks$/);
      await expect(admin.getByRole("heading", { name: "Settings", exact: true })).toBeVisible();
      const status = (await (await admin.request.get("/api/subscriptions/live-status")).json()) as {
        mode: string;
        webhookUrl: string;
      };
      expect(status.webhookUrl).toBe(OWN_URL);
      await expect(admin.getByTestId("live-status")).toHaveText(
        status.mode === "webhook"
          ? new RegExp(`by webhook \\(${OWN_URL}\\)`)
          : `No subscription delivers to this dashboard (URL ${OWN_URL}); open pages poll Jiko's events every second instead.`,
      );
      await expectAccessible(admin);
    });

    test("creating one to this dashboard shows its secret once", async () => {
      await admin.getByRole("button", { name: "Add subscription" }).click();
      const dialog = admin.getByRole("dialog", { name: "Add a webhook subscription" });
      await expect(dialog.getByRole("radio", { name: /This dashboard/ })).toBeChecked();
      await expect(dialog.getByLabel("URL", { exact: true })).toHaveValue(OWN_URL);
      await expect(dialog.getByRole("checkbox", { name: "webhooks.test" })).toBeChecked();
      await expect(dialog.getByLabel("Attempts at most")).toHaveValue("5");
      await dialog.getByLabel("Description (optional)").fill(description);
      await dialog.getByRole("checkbox", { name: "transfer_requests.created" }).check();
      await expectAccessible(admin);
      await dialog.getByRole("button", { name: "Create subscription" }).click();

      const shown = admin.getByRole("dialog", { name: /copy its shared secret/ });
      await expect(shown).toContainText("This secret will not be shown again");
      const secret = await shown.getByLabel("Shared secret").inputValue();
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      await expect(shown.getByRole("button", { name: "Copy" })).toBeVisible();
      await expectAccessible(admin);
      await shown.getByRole("button", { name: "I have stored it" }).click();
      await expect(shown).toHaveCount(0);

      await expect(row).toContainText(OWN_URL);
      await expect(row).toContainText("Delivers to this dashboard");
      await expect(row).toContainText("webhooks.test, transfer_requests.created");
      await expect(row.getByRole("switch")).toHaveAttribute("aria-checked", "true");
      await expect(admin.getByTestId("live-status")).toContainText("by webhook");
      // Neither the page nor its routes ever show the secret again.
      await admin.reload();
      await expect(row).toBeVisible();
      expect(await admin.content()).not.toContain(secret);
      expect(await (await admin.request.get("/api/subscriptions")).text()).not.toContain(secret);
    });

    test("a test event is delivered and its attempt is listed", async () => {
      await row.getByRole("button", { name: /^Deliveries/ }).click();
      const events = admin.getByRole("region", { name: "Recent events" });
      await events.getByRole("button", { name: "Send test event" }).click();
      const sent = events.getByRole("listitem").filter({ hasText: "Test just sent" });
      await expect(sent).toContainText("webhooks.test");
      const attempt = sent.getByTestId("delivery-attempt").first();
      await expect(attempt).toBeVisible({ timeout: 15_000 });
      await expect(attempt).toContainText(/Delivered · 2\d\d/);
      await expect(attempt).toContainText(/\d+ ms/);
      await expectAccessible(admin);
    });

    test("at 390 px in dark mode the page fits and passes axe", async () => {
      await admin.setViewportSize({ width: 390, height: 844 });
      await admin.emulateMedia({ colorScheme: "dark" });
      await expect(row).toBeVisible();
      const width = await admin.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await expectAccessible(admin);
      await admin.emulateMedia({ colorScheme: "light" });
      await admin.setViewportSize({ width: 1280, height: 800 });
    });

    test("disabling and deleting it", async () => {
      const toggle = row.getByRole("switch");
      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-checked", "false");
      await expect(row.getByTestId("subscription-status")).toHaveText("Disabled");
      await admin.reload();
      await expect(row.getByRole("switch")).toHaveAttribute("aria-checked", "false");

      await row.getByRole("button", { name: /^Delete/ }).click();
      const confirm = admin.getByRole("dialog", { name: "Delete this subscription?" });
      await expect(confirm).toContainText(OWN_URL);
      await confirm.getByRole("button", { name: "Delete subscription" }).click();
      await expect(confirm).toHaveCount(0);
      await expect(row).toHaveCount(0);
      await admin.reload();
      await expect(admin.getByTestId("live-status")).toBeVisible();
      await expect(row).toHaveCount(0);
    });

    test("a URL Jiko refuses is named under the field", async () => {
      await admin.getByRole("button", { name: "Add subscription" }).click();
      const dialog = admin.getByRole("dialog", { name: "Add a webhook subscription" });
      await dialog.getByRole("radio", { name: "Another URL" }).check();
      const url = dialog.getByLabel("URL", { exact: true });
      await url.fill("ftp://files.example.com/hooks");
      await dialog.getByRole("button", { name: "Create subscription" }).click();
      await expect(url).toHaveAttribute("aria-invalid", "true");
      await expect(dialog.locator("#webhook-url-error")).toHaveText(/http/);
      await expect(dialog).toBeVisible();
      await expectAccessible(admin);
      await dialog.getByRole("button", { name: "Cancel" }).click();
    });
  });

test("a member who is not an admin has no Settings and is refused by the routes", async ({
  browser,
}) => {
  const person = await personWith((p) =>
    p.teams.some(
      (t) => t.team_name === TREASURY && t.role !== "ADMIN" && t.member_status === "ACTIVE",
    ),
  );
  const team = person.teams.find((t) => t.team_name === TREASURY && t.role !== "ADMIN")!;
  const page = await signedIn(browser, person.email, team.team_name);
  await expect(nav(page).getByRole("link").first()).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Settings" })).toHaveCount(0);
  expect((await page.request.get("/api/subscriptions")).status()).toBe(403);
  const res = await page.request.post("/api/subscriptions", {
    headers: { origin: E2E.appUrl },
    data: { url: OWN_URL, events: ["webhooks.test"] },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("forbidden");
  await page.goto("/settings/webhooks");
  await expect(page.getByText("Your role does not allow managing webhooks.")).toBeVisible();
});
