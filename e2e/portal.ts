/** Signing in the way a person does: the dashboard's button, then Jiko's portal pages. */
import { expect, type Page } from "@playwright/test";
import { E2E } from "./env";

export async function completePortalLogin(
  page: Page,
  email: string,
  opts: { teamName?: string; password?: string; appUrl?: string } = {},
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
  await passConsent(page, opts.teamName, opts.appUrl);
}

/**
 * After the code: a person in several teams chooses one (unless the dashboard named it), then
 * consents, once per client, person and team. Each step appears only when the portal asks.
 * `appUrl`: the dashboard instance that asked (the scale-out suite runs several).
 */
export async function passConsent(page: Page, teamName?: string, appUrl = E2E.appUrl) {
  for (let step = 0; step < 3; step++) {
    await page.waitForURL((url) => url.origin === appUrl || url.pathname.includes("/interaction/"));
    if (new URL(page.url()).origin === appUrl) return;
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

export async function signIn(
  page: Page,
  email: string,
  opts: { teamName?: string; appUrl?: string } = {},
) {
  const appUrl = opts.appUrl ?? E2E.appUrl;
  await page.goto(`${appUrl}/`);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("button", { name: "Sign in with Jiko" }).click();
  await completePortalLogin(page, email, { ...opts, appUrl });
  await page.waitForURL(`${appUrl}/`);
}

/**
 * Switches the signed-in person to another of their teams from the header. The portal asks
 * consent for a team the first time only; otherwise it comes straight back.
 */
export async function switchTeam(page: Page, teamName: string) {
  await page.getByRole("button", { name: /Switch team/ }).click();
  await page.getByRole("menuitem", { name: new RegExp(teamName) }).click();
  const consent = page.getByRole("checkbox", { name: /I agree to Jiko/ });
  const switched = page.getByTestId("active-team").filter({ hasText: new RegExp(`^${teamName}$`) });
  await expect(consent.or(switched)).toBeVisible({ timeout: 20_000 });
  if (await consent.isVisible()) await passConsent(page, teamName);
  await expect(page.getByTestId("active-team")).toHaveText(teamName);
}

/**
 * Signs in and makes sure the dashboard acts for `teamName`: the dashboard may open on the team
 * the person last used (another spec may have switched it), and then it is switched back.
 */
export async function signInTo(page: Page, email: string, teamName: string) {
  await signIn(page, email, { teamName });
  const active = page.getByTestId("active-team");
  await expect(active).toBeVisible();
  if ((await active.textContent()) !== teamName) await switchTeam(page, teamName);
  await expect(active).toHaveText(teamName);
}
