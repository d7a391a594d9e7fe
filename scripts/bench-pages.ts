/**
 * Page figures for the overview and a pocket page, on the production build in headless Chromium:
 *   - LCP and CLS of the overview, median over N loads (signed in, warm HTTP cache after the first);
 *   - JavaScript a cold load transfers (compressed bytes from resource timing), overview and pocket;
 *   - sandbox seed time (in-memory database, migrations excluded), median over N runs.
 * Usage: npm run bench:pages -- [--runs 10]
 * Servers listen on loopback ports 3300/4310/4311 and are stopped at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "@playwright/test";
import { openDb } from "../sandbox/db/open";
import { seed } from "../sandbox/seed";
import { CHROMIUM_LAUNCH, median } from "./lib/measure";
import { spawnGroup, waitForUrl } from "./lib/processes";
import { signIn } from "./lib/sign-in";

const argv = process.argv.slice(2);
const RUNS = argv.includes("--runs") ? Number(argv[argv.indexOf("--runs") + 1]) : 10;
const APP = "http://localhost:3300";
const API = "http://127.0.0.1:4310";

/** Collects LCP and CLS as the page reports them, from the first paint on. */
const VITALS = `
  window.__vitals = { lcp: 0, cls: 0 };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__vitals.lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__vitals.cls += e.value; }).observe({ type: "layout-shift", buffered: true });
`;

async function scriptBytes(context: BrowserContext, url: string, ready: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId(ready).waitFor();
  await page.waitForLoadState("networkidle");
  const bytes = await page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((r) => r.initiatorType === "script" || r.name.endsWith(".js"))
      .reduce((s, r) => s + r.transferSize, 0),
  );
  await page.close();
  return bytes;
}

async function benchSeed() {
  const times: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    const handle = await openDb(undefined);
    const t0 = performance.now();
    await seed(handle.db, "jiko-sandbox");
    times.push(performance.now() - t0);
    await handle.close();
  }
  return times;
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "td-bench-pages-"));
  const app = spawnGroup("npm", ["start", "--", "--reset"], {
    ...process.env,
    JIKO_API_URL: "",
    TD_DATA_DIR: dataDir,
    PORT: "3300",
    SANDBOX_API_PORT: "4310",
    SANDBOX_PORTAL_PORT: "4311",
    LOG_LEVEL: "warn",
  });
  try {
    await waitForUrl(`${APP}/sign-in`, { timeoutMs: 300_000, abort: app.exited });
    const people = (
      (await (await fetch(`${API}/_sandbox/people`)).json()) as {
        items: { email: string; status: string; teams: { role: string; team_name: string }[] }[];
      }
    ).items;
    const admin = people.find(
      (p) =>
        p.status === "ACTIVE" &&
        p.teams.length === 1 &&
        p.teams[0]!.role === "ADMIN" &&
        p.teams[0]!.team_name === "Harborline Treasury",
    )!;
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    const login = await browser.newContext();
    const first = await login.newPage();
    await signIn(first, APP, admin.email);
    await first.getByTestId("total-value").waitFor();
    const state = await login.storageState();
    const pocketHref = await (await login.newPage()).goto(`${APP}/pockets`).then(async (r) => {
      const page = r!.frame().page();
      return page.locator('a[href^="/pockets/"]').first().getAttribute("href");
    });
    await login.close();

    // Cold loads: a fresh context each, so no script comes from the HTTP cache.
    const coldOverview = await scriptBytes(
      await browser.newContext({ storageState: state }),
      `${APP}/`,
      "total-value",
    );
    const coldPocket = await scriptBytes(
      await browser.newContext({ storageState: state }),
      `${APP}${pocketHref}`,
      "pocket-value",
    );

    const lcp: number[] = [];
    const cls: number[] = [];
    const context = await browser.newContext({
      storageState: state,
      viewport: { width: 1280, height: 800 },
    });
    await context.addInitScript(VITALS);
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      await page.goto(`${APP}/`);
      await page.getByTestId("total-value").waitFor();
      await page.waitForTimeout(1500);
      // LCP is final once the page is hidden or interacted with; read it after settling.
      const v = await page.evaluate(
        () => (window as unknown as { __vitals: { lcp: number; cls: number } }).__vitals,
      );
      lcp.push(v.lcp);
      cls.push(v.cls);
      await page.close();
    }
    await browser.close();

    const seedTimes = await benchSeed();
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
    console.info(
      `overview LCP   median ${median(lcp).toFixed(0)} ms   (runs: ${lcp.map((x) => x.toFixed(0)).join(", ")})`,
    );
    console.info(
      `overview CLS   median ${median(cls).toFixed(4)}     (runs: ${cls.map((x) => x.toFixed(4)).join(", ")})`,
    );
    console.info(
      `JS transferred, cold load: overview ${kb(coldOverview)}, pocket page ${kb(coldPocket)} (compressed, resource timing)`,
    );
    console.info(
      `sandbox seed (in memory)   median ${median(seedTimes).toFixed(0)} ms (runs: ${seedTimes.map((x) => x.toFixed(0)).join(", ")})`,
    );
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
