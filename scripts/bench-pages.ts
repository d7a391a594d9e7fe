/**
 * Page figures for the overview and a pocket page, on the production build in headless Chromium:
 *   - LCP and CLS of the overview, median over N loads (signed in, warm HTTP cache after the first);
 *   - JavaScript a cold load transfers (compressed bytes from resource timing) for every page of the
 *     navigation and a pocket, signed in as an admin: the page's own scripts (named in its HTML)
 *     apart from what loads after them (charts below the fold, menus, prefetched routes), and the
 *     largest scripts by name;
 *   - sandbox seed time (in-memory database, migrations excluded), median over N runs.
 *   - baseline for the JavaScript: the same count for the signed-out sign-in page (the framework's
 *     own share, same build, same run).
 * Usage: npm run bench:pages -- [--runs 10] [--js-only] [--pages /,/team] [--json <file>]
 * Servers listen on loopback ports 3300/4310/4311 and are stopped at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "@playwright/test";
import { openDb } from "../sandbox/db/open";
import { seed } from "../sandbox/seed";
import { cookieHeader, historyFilled } from "./lib/history-filled";
import { CHROMIUM_LAUNCH, median } from "./lib/measure";
import { npmStart, spawnGroup, waitForUrl } from "./lib/processes";
import { failed, figure, reporter } from "./lib/report";
import { signIn } from "./lib/sign-in";

const argv = process.argv.slice(2);
const RUNS = argv.includes("--runs") ? Number(argv[argv.indexOf("--runs") + 1]) : 10;
const JS_ONLY = argv.includes("--js-only");
/** Only these pages' JavaScript (paths as in PAGES; POCKET for a pocket page). */
const ONLY = argv.includes("--pages") ? argv[argv.indexOf("--pages") + 1]!.split(",") : undefined;
const APP = "http://localhost:3300";
const API = "http://127.0.0.1:4310";
/** Compressed JavaScript a cold load of any page may transfer, in kB. */
const JS_BUDGET_KB = 150;
const out = reporter();

/** Collects LCP and CLS as the page reports them, from the first paint on. */
const VITALS = `
  window.__vitals = { lcp: 0, cls: 0 };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__vitals.lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__vitals.cls += e.value; }).observe({ type: "layout-shift", buffered: true });
`;

interface ScriptLoad {
  /** Scripts the HTML names: what the page needs before it is interactive. */
  entry: number;
  /** Scripts fetched afterwards (lazy chunks, prefetched routes). */
  later: number;
  top: { name: string; bytes: number; entry: boolean }[];
  /** The page's own HTML, as transferred (compressed). */
  document: number;
}

/** Every script a cold load transfers until the network is idle, split by whether the HTML names it. */
async function scriptBytes(context: BrowserContext, url: string): Promise<ScriptLoad> {
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const res = await page.goto(url);
  const html = (await res?.text()) ?? "";
  await page.waitForLoadState("networkidle");
  // Charts and menus load after hydration: give them a moment, then wait for quiet again.
  await page.waitForTimeout(1000);
  await page.waitForLoadState("networkidle");
  const scripts = await page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((r) => r.initiatorType === "script" || new URL(r.name).pathname.endsWith(".js"))
      .map((r) => ({ path: new URL(r.name).pathname, bytes: r.transferSize })),
  );
  const document = await page.evaluate(
    () =>
      (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)
        ?.transferSize ?? 0,
  );
  await page.close();
  await context.close();
  const rows = scripts.map((s) => ({
    name: s.path.split("/").pop()!,
    bytes: s.bytes,
    entry: html.includes(s.path),
  }));
  const sum = (xs: typeof rows) => xs.reduce((t, r) => t + r.bytes, 0);
  return {
    entry: sum(rows.filter((r) => r.entry)),
    later: sum(rows.filter((r) => !r.entry)),
    top: rows.sort((a, b) => b.bytes - a.bytes).slice(0, 6),
    document,
  };
}

/** The navigation's pages (lib/navigation.ts) and one pocket. */
const PAGES = [
  "/",
  "/pockets",
  "POCKET",
  "/transfers",
  "/approvals",
  "/payees",
  "/transactions",
  "/trades",
  "/statements",
  "/reports",
  "/team",
  "/audit",
  "/settings/webhooks",
];

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
  const app = spawnGroup("npm", npmStart("--reset"), {
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
    // The LCP figures wait for the history fill this sign-in started (lib/history-filled.ts).
    await historyFilled(APP, cookieHeader(await login.cookies(APP)));
    const pocketHref = await (await login.newPage()).goto(`${APP}/pockets`).then(async (r) => {
      const page = r!.frame().page();
      return page.locator('a[href^="/pockets/"]').first().getAttribute("href");
    });
    await login.close();

    // Cold loads: a fresh context each, so no script comes from the HTTP cache.
    const base = await scriptBytes(await browser.newContext(), `${APP}/sign-in`);
    const baseKb = (base.entry + base.later) / 1000;
    const js: { page: string; load: ScriptLoad }[] = [];
    for (const p of PAGES.filter((x) => !ONLY || ONLY.includes(x))) {
      const pagePath = p === "POCKET" ? (pocketHref ?? "/pockets/(none)") : p;
      const name = `JS on a cold load of ${p === "POCKET" ? "/pockets/[pocketId]" : p}`;
      try {
        const context = await browser.newContext({ storageState: state });
        const load = await scriptBytes(context, `${APP}${pagePath}`);
        js.push({ page: pagePath, load });
        out.add(
          figure(name, Math.round((load.entry + load.later) / 100) / 10, "kB", {
            baseline: Math.round(baseKb * 10) / 10,
            baselineLabel: "sign-in page, signed out",
            max: JS_BUDGET_KB,
          }),
        );
      } catch (err) {
        out.add(failed(name, err, `≤ ${JS_BUDGET_KB} kB`));
      }
    }
    console.info(`baseline: the signed-out sign-in page transfers ${baseKb.toFixed(1)} kB of JS`);
    const kb = (b: number) => `${(b / 1000).toFixed(1)} kB`;
    console.info(
      "JS transferred, cold load (compressed, resource timing): page | entry | later | total | the page's HTML",
    );
    for (const { page, load } of js) {
      console.info(
        `  ${page.padEnd(24)} ${kb(load.entry).padStart(9)} ${kb(load.later).padStart(9)} ${kb(load.entry + load.later).padStart(9)} ${kb(load.document).padStart(9)}   largest: ${load.top.map((t) => `${t.name}${t.entry ? "" : "*"} ${kb(t.bytes)}`).join(", ")}`,
      );
    }
    console.info("  (* loaded after the page's own scripts)");
    if (JS_ONLY) {
      await browser.close();
      return;
    }

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
    out.add(
      figure("overview LCP (warm cache)", median(lcp), "ms", { max: 500 }),
      figure("overview CLS", Math.round(median(cls) * 10_000) / 10_000, "", { max: 0.1 }),
      figure("sandbox seed in memory", median(seedTimes), "ms"),
    );
    console.info(
      `overview LCP   median ${median(lcp).toFixed(0)} ms   (runs: ${lcp.map((x) => x.toFixed(0)).join(", ")})`,
    );
    console.info(
      `overview CLS   median ${median(cls).toFixed(4)}     (runs: ${cls.map((x) => x.toFixed(4)).join(", ")})`,
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
