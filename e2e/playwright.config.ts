import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_LAUNCH, E2E } from "./env";

/**
 * End-to-end: real Chromium (Debian's; Playwright cannot download browsers here) against the
 * production build, signing in through the embedded Jiko sandbox's portal. The suite runs on its
 * own ports and data folder, reset each run, with 5-second access tokens so refresh is exercised.
 */
export default defineConfig({
  testDir: ".",
  // The scale-out suite starts its own instances (e2e/scale-out/playwright.config.ts).
  testIgnore: "scale-out/**",
  outputDir: "../test-results",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // One worker: tests share seeded people, and some revoke a person's grants at Jiko.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: "../playwright-report" }]],
  use: {
    baseURL: E2E.appUrl,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npm start -- --reset",
    cwd: "..",
    url: `${E2E.appUrl}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      JIKO_API_URL: "",
      TD_DATA_DIR: ".data/e2e",
      PORT: String(E2E.appPort),
      SANDBOX_API_PORT: String(E2E.apiPort),
      SANDBOX_PORTAL_PORT: String(E2E.portalPort),
      SANDBOX_ACCESS_TOKEN_TTL: String(E2E.accessTokenTtl),
      JIKO_REFRESH_SKEW_SECONDS: "1",
      LOG_LEVEL: "warn",
    },
  },
});
