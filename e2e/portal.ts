/** Signing in the way a person does: the dashboard's button, then Jiko's portal pages. */
import { expect, type Page } from "@playwright/test";
import { E2E } from "./env";

export async function completePortalLogin(
  page: Page,
  email: string,
  opts: { teamName?: string; password?: string } = {},
) {
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(opts.password ?? E2E.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Verify login" })).toBeVisible();
  const shown = await page.getByText(/your code is \d{6}/i).textContent();
  const code = shown?.match(/\d{6}/)?.[0];
  if (!code) throw new Error("the sandbox did not show a verification code");
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await passConsent(page, opts.teamName);
}

/**
 * After the code: a person in several teams chooses one (unless the dashboard named it), then
 * consents, once per client, person and team. Each step appears only when the portal asks.
 */
export async function passConsent(page: Page, teamName?: string) {
  for (let step = 0; step < 3; step++) {
    await page.waitForURL(
      (url) => url.origin === E2E.appUrl || url.pathname.includes("/interaction/"),
    );
    if (new URL(page.url()).origin === E2E.appUrl) return;
    const choose = page.getByRole("heading", { name: "Choose a team" });
    const agree = page.getByRole("checkbox", { name: /I agree to Jiko/ });
    await expect(choose.or(agree)).toBeVisible();
    if (await choose.isVisible()) {
      const choice = teamName
        ? page.getByRole("radio", { name: new RegExp(teamName) })
        : page.getByRole("radio").first();
      await choice.check();
      await page.getByRole("button", { name: "Continue" }).click();
      continue;
    }
    await agree.check();
    await page.getByRole("button", { name: "Grant access" }).click();
  }
}

export async function signIn(page: Page, email: string, opts: { teamName?: string } = {}) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("button", { name: "Sign in with Jiko" }).click();
  await completePortalLogin(page, email, opts);
  await page.waitForURL(`${E2E.appUrl}/`);
}
