import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "../env";
import { SCALE } from "./env";

/**
 * Several dashboard instances on one PostgreSQL, as production runs them: sessions, refresh and
 * sign-out must hold across instances. The global set-up starts PostgreSQL, the sandbox and two
 * instances of the production build (built once, reused when fresh); it stops them afterwards.
 */
export default defineConfig({
  testDir: ".",
  outputDir: "../../test-results/scale-out",
  globalSetup: "./global-setup.ts",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // One worker: the tests wait out token lifetimes and count one person's refreshes at Jiko.
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: "../../playwright-report/scale-out" }]],
  use: {
    baseURL: SCALE.appUrls[0],
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
});
