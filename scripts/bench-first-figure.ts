/**
 * Time to the first real figure, per page, on the production build in headless Chromium: each
 * load is cold (a fresh browser context, so nothing comes from the HTTP cache) and signed in.
 *   - first figure: from navigation start until the page's first money figure or table row is
 *     visible (in the document, not inside a hidden streaming template), read at the next frame;
 *   - LCP: the largest contentful paint the page reports, read once the page has settled.
 *   - in page: when the figure's element first entered the document (sent by the server, possibly
 *     still hidden in a streamed section); "then shown" is the median, load by load, of the time
 *     from there to the first figure: what the browser took to reveal data it already had.
 *   - baseline, same run: the LCP of the signed-out sign-in page (no data, same server and browser).
 * A page whose figure never shows is reported as failed with what was on the page instead. Loads
 * start once the team's earnings history, which the first sign-in starts filling, is complete.
 * With --cpu (Linux): how busy the machine's cores were from navigation to first paint, and which
 * programs took them (Chromium, the Next server, the sandbox, this benchmark), pooled per page.
 * Usage: npm run bench:first-figure -- [--runs 7] [--pages overview,transactions] [--cpu] [--json <file>]
 * Servers listen on loopback ports 3500/4510/4511 and are stopped at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { type CpuWindow, cpuSampler, describeCpu } from "./lib/cpu-share";
import { cookieHeader, historyFilled } from "./lib/history-filled";
import { CHROMIUM_LAUNCH, median } from "./lib/measure";
import { npmStart, spawnGroup, waitForUrl } from "./lib/processes";
import { failed, figure, reporter, within } from "./lib/report";
import { signIn } from "./lib/sign-in";

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const RUNS = Number(arg("--runs") ?? 7);
const APP = "http://localhost:3500";
const API = "http://127.0.0.1:4510";

/** Each page's first real figure: a money figure or a row of data, never a heading or skeleton. */
const PAGES: Record<string, { path: string; figure: string }> = {
  overview: { path: "/", figure: '[data-testid="total-value"]' },
  pockets: { path: "/pockets", figure: '[data-testid="pockets-total-value"]' },
  transactions: { path: "/transactions", figure: '[data-testid="transaction-row"]' },
  team: { path: "/team", figure: '[data-testid^="member-"]' },
  transfers: { path: "/transfers?view=all", figure: '[data-testid="request-row"]' },
  payees: { path: "/payees", figure: '[data-testid^="payee-"]' },
  trades: { path: "/trades", figure: '[data-testid="trade-row"]' },
  statements: { path: "/statements", figure: '[data-testid="statement-row"]' },
  audit: { path: "/audit", figure: '[data-testid="audit-entry"]' },
  company: { path: "/company", figure: '[data-testid="company-email"]' },
  webhooks: { path: "/settings/webhooks", figure: '[data-testid^="subscription-"]' },
  "new-transfer": { path: "/transfers/new", figure: "#t-from" },
  // The first open pocket of the seed, found once signed in.
  pocket: { path: "/pockets/(first)", figure: '[data-testid="pocket-value"]' },
};
const chosen = (arg("--pages") ?? Object.keys(PAGES).join(",")).split(",");
const TARGET_MS = 500;
/** Per cold load: a page that has not shown its figure by then has failed. */
const LOAD_TIMEOUT_MS = 30_000;
const out = reporter();
const cpu = argv.includes("--cpu") ? cpuSampler() : undefined;

/**
 * Watches the document from its first byte: the first time the figure is visible (streamed
 * sections arrive hidden, then move into place), the time of the next frame is kept; LCP as the
 * page reports it.
 */
const PROBE = (selector: string) => `
  window.__bench = { figure: 0, lcp: 0, arrived: 0 };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.lcp = e.startTime; })
    .observe({ type: "largest-contentful-paint", buffered: true });
  const check = () => {
    if (window.__bench.figure) return true;
    const el = document.querySelector(${JSON.stringify(selector)});
    if (el && !window.__bench.arrived) window.__bench.arrived = performance.now();
    if (!el || !el.isConnected || el.closest("[hidden]") || !el.textContent.trim()) return false;
    if (el.checkVisibility && !el.checkVisibility()) return false;
    window.__bench.figure = -1;
    requestAnimationFrame(() => { window.__bench.figure = performance.now(); });
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden", "style", "class"] });
`;

async function coldLoad(browser: Browser, state: unknown, page: keyof typeof PAGES | string) {
  const { path: at, figure: selector } = PAGES[page]!;
  const context = await browser.newContext({
    storageState: state as never,
    viewport: { width: 1280, height: 800 },
  });
  try {
    await context.addInitScript(PROBE(selector));
    const tab = await context.newPage();
    tab.setDefaultTimeout(LOAD_TIMEOUT_MS);
    cpu?.arm(); // after the tab opens, so that its renderer is counted as the renderer
    await tab.goto(`${APP}${at}`, { waitUntil: "commit", timeout: LOAD_TIMEOUT_MS });
    try {
      await tab.waitForFunction(
        () => (window as unknown as { __bench: { figure: number } }).__bench.figure > 0,
        null,
        { timeout: LOAD_TIMEOUT_MS },
      );
    } catch {
      // Say what the page showed instead: the row's reason.
      const seen = await tab
        .evaluate(
          (sel) => ({
            url: location.pathname,
            found: document.querySelectorAll(sel).length,
            text: (document.querySelector("main")?.textContent ?? document.body.textContent ?? "")
              .trim()
              .slice(0, 120),
          }),
          selector,
        )
        .catch(() => undefined);
      throw new Error(
        `${selector} not visible within ${LOAD_TIMEOUT_MS / 1000} s` +
          (seen ? ` (at ${seen.url}, ${seen.found} in the DOM; page says "${seen.text}")` : ""),
      );
    }
    // LCP is final once the page is hidden or interacted with; read it after settling.
    await tab.waitForTimeout(1_500);
    cpu?.disarm();
    return await paintFigures(tab);
  } finally {
    cpu?.disarm();
    await context.close().catch(() => undefined);
  }
}

/** The sign-in page, signed out and cold: what the server and browser cost with no data. */
async function baselineLcp(browser: Browser): Promise<{ lcp: number; beforePaint?: CpuWindow }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(PROBE("h1, button"));
    const tab = await context.newPage();
    cpu?.arm();
    await tab.goto(`${APP}/sign-in`, { timeout: LOAD_TIMEOUT_MS });
    await tab.waitForTimeout(1_500);
    cpu?.disarm();
    return await paintFigures(tab);
  } finally {
    cpu?.disarm();
    await context.close().catch(() => undefined);
  }
}

/** The page's LCP, and with --cpu where the CPU went from navigation to its first paint. */
async function paintFigures(tab: Page) {
  const { figure, lcp, arrived, origin, fcp } = await tab.evaluate(() => ({
    ...(window as unknown as { __bench: { figure: number; lcp: number; arrived: number } }).__bench,
    origin: performance.timeOrigin,
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0,
  }));
  const beforePaint = fcp ? cpu?.window(origin, origin + fcp) : undefined;
  return { figure, lcp, arrived, beforePaint };
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "td-bench-first-figure-"));
  const app = spawnGroup("npm", npmStart("--reset"), {
    ...process.env,
    JIKO_API_URL: "",
    TD_DATA_DIR: dataDir,
    PORT: "3500",
    SANDBOX_API_PORT: "4510",
    SANDBOX_PORTAL_PORT: "4511",
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
    await first.getByTestId("total-value").waitFor({ timeout: 60_000 });
    const state = await login.storageState();
    // The figures wait for the history fill this first sign-in started (lib/history-filled.ts).
    await historyFilled(APP, cookieHeader(await login.cookies(APP)));
    await first.goto(`${APP}/pockets`);
    const pocketHref = await first.locator('a[href^="/pockets/"]').first().getAttribute("href");
    if (pocketHref) PAGES.pocket!.path = pocketHref;
    await login.close();

    await baselineLcp(browser); // warms the server, not counted
    const base: number[] = [];
    const baseCpu: CpuWindow[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { lcp, beforePaint } = await baselineLcp(browser);
      base.push(lcp);
      if (beforePaint) baseCpu.push(beforePaint);
    }
    const baseline = median(base);
    const baselineLabel = "sign-in page LCP, signed out";

    const rows: string[] = [];
    for (const page of chosen) {
      if (!PAGES[page]) throw new Error(`unknown page ${page}: ${Object.keys(PAGES).join(", ")}`);
      const target = `≤ ${TARGET_MS} ms`;
      try {
        const budget = (RUNS + 1) * (LOAD_TIMEOUT_MS + 5_000);
        const { figures, lcp, arrived, shownAfter, cpuWindows } = await within(
          budget,
          `${page} cold loads`,
          measure(page),
        );
        const runs = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
        rows.push(
          `${page.padEnd(13)} ${median(figures).toFixed(0).padStart(8)} ms ${median(lcp).toFixed(0).padStart(8)} ms ${median(arrived).toFixed(0).padStart(8)} ms ${median(shownAfter).toFixed(0).padStart(8)} ms   figure: ${runs(figures)} | lcp: ${runs(lcp)} | in page: ${runs(arrived)}`,
        );
        if (cpu)
          rows.push(`${"".padEnd(13)} before first paint, ${describeCpu(cpuWindows, cpu.cores)}`);
        const o = { baseline, baselineLabel, max: TARGET_MS };
        out.add(
          figure(`${page}: first real figure`, median(figures), "ms", o),
          figure(`${page}: LCP`, median(lcp), "ms", o),
        );
      } catch (err) {
        rows.push(`${page.padEnd(13)} failed: ${(err as Error).message}`);
        out.add(
          failed(`${page}: first real figure`, err, target),
          failed(`${page}: LCP`, err, target),
        );
      }
    }
    await browser.close();
    console.info(`median of ${RUNS} cold loads, signed in, 1280×800`);
    console.info(
      `baseline: ${baselineLabel} median ${baseline.toFixed(0)} ms (runs: ${base.map((x) => x.toFixed(0)).join(", ")})`,
    );
    if (cpu) console.info(`  before its first paint, ${describeCpu(baseCpu, cpu.cores)}`);
    console.info(
      `${"page".padEnd(13)} ${"first figure".padStart(11)} ${"LCP".padStart(11)} ${"in page".padStart(11)} ${"then shown".padStart(11)}`,
    );
    for (const row of rows) console.info(row);

    async function measure(page: string) {
      await coldLoad(browser, state, page); // warms the server's code paths, not counted
      const figures: number[] = [];
      const lcp: number[] = [];
      const arrived: number[] = [];
      const shownAfter: number[] = [];
      const cpuWindows: CpuWindow[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await coldLoad(browser, state, page);
        figures.push(r.figure);
        lcp.push(r.lcp);
        arrived.push(r.arrived);
        shownAfter.push(r.figure - r.arrived);
        if (r.beforePaint) cpuWindows.push(r.beforePaint);
      }
      return { figures, lcp, arrived, shownAfter, cpuWindows };
    }
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
