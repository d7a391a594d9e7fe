/** Signing in the way a person does: the dashboard's button, then Jiko's portal pages. */
import { expect, type Page } from "@playwright/test";
import { E2E } from "./env";

export async function completePortalLogin(page: Page, email: string, opts: { teamName?: string; password?: string } = {}) {
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

/** Consent is asked once per client, person and team: grant it when the portal asks. */
export async function passConsent(page: Page, teamName?: string) {
  await page.waitForURL((url) => url.origin === E2E.appUrl || url.pathname.includes("/interaction/"));
  if (new URL(page.url()).origin === E2E.appUrl) return;
  // A person in several teams picks one on the consent page.
  const choices = page.getByRole("radio");
  if (await choices.count()) {
    const choice = teamName ? page.getByRole("radio", { name: new RegExp(teamName) }) : choices.first();
    await choice.check();
  }
  await page.getByRole("checkbox", { name: /I agree to Jiko/ }).check();
  await page.getByRole("button", { name: "Grant access" }).click();
}

export async function signIn(page: Page, email: string, opts: { teamName?: string } = {}) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("button", { name: "Sign in with Jiko" }).click();
  await completePortalLogin(page, email, opts);
  await page.waitForURL(`${E2E.appUrl}/`);
}
