import type { Page } from "@playwright/test";

/**
 * Signs in through the embedded portal as a person of the sandbox's seed: the team is chosen
 * when the person has several (`team`, else the first), consent given when asked (once per
 * person and client).
 */
export async function signIn(page: Page, app: string, email: string, team?: string) {
  await page.goto(`${app}/sign-in`);
  await page.getByRole("button", { name: "Sign in with Jiko" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("jiko-sandbox");
  await page.getByRole("button", { name: "Sign in" }).click();
  const code = (await page.getByText(/your code is \d{6}/i).textContent())!.match(/\d{6}/)![0];
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  for (let step = 0; step < 3; step++) {
    await page.waitForURL((u) => u.origin === app || u.pathname.includes("/interaction/"));
    if (new URL(page.url()).origin === app) break;
    const choose = page.getByRole("heading", { name: "Choose a team" });
    const agree = page.getByRole("checkbox", { name: /I agree to Jiko/ });
    await choose.or(agree).waitFor();
    if (await choose.isVisible()) {
      const radio = team
        ? page.getByRole("radio", { name: new RegExp(team) })
        : page.getByRole("radio").first();
      await radio.check();
      await page.getByRole("button", { name: "Continue" }).click();
    } else {
      await agree.check();
      await page.getByRole("button", { name: "Grant access" }).click();
    }
  }
  await page.waitForURL(`${app}/`);
}
