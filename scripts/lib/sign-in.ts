import type { Page } from "@playwright/test";

/** Signs in through the embedded portal as a person of the sandbox's seed (consent if asked). */
export async function signIn(page: Page, app: string, email: string) {
  await page.goto(`${app}/sign-in`);
  await page.getByRole("button", { name: "Sign in with Jiko" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("jiko-sandbox");
  await page.getByRole("button", { name: "Sign in" }).click();
  const code = (await page.getByText(/your code is \d{6}/i).textContent())!.match(/\d{6}/)![0];
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  // Consent is asked once per person and client: a kept data folder skips it.
  const consent = page.getByRole("checkbox", { name: /I agree to Jiko/ });
  const home = page.waitForURL(`${app}/`);
  if (await Promise.race([home.then(() => false), consent.waitFor().then(() => true)])) {
    await consent.check();
    await page.getByRole("button", { name: "Grant access" }).click();
  }
  await home;
}
