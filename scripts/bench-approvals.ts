/**
 * Approval figures on the production build in headless Chromium, with 500 more pending requests
 * (sandbox bulk route) for the seeded US company:
 *   - the approval queue's first render, signed in as its reviewer: median over N loads of the
 *     time from navigation start to the first review card visible and to every card in the DOM,
 *     and of the queue route's own response time (resource timing);
 *   - from the click on "Approve $…" in the reviewer's queue to the initiator's open list of
 *     requests showing "Approved" without a reload, median over a few approvals.
 * Jiko's per-minute limits are raised in the sandbox: the figures are rendering and reading, not
 * waits on 429s.
 * Usage: npm run bench:approvals -- [--runs 10]
 * Servers listen on loopback ports 3400/4410/4411 and are stopped at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH, median } from "./lib/measure";
import { spawnGroup, waitForUrl } from "./lib/processes";
import { approvedAt } from "./lib/request-status";
import { signIn } from "./lib/sign-in";

const argv = process.argv.slice(2);
const RUNS = argv.includes("--runs") ? Number(argv[argv.indexOf("--runs") + 1]) : 10;
const APPROVALS = 5;
const BULK = 500;
const APP = "http://localhost:3400";
const API = "http://127.0.0.1:4410";
const TEAM = "Harborline Treasury";
const SCREENSHOT = path.join(tmpdir(), "td-bench-approvals.png");

/** Marks, from navigation start, the first review card visible and the moment `__want` exist. */
const QUEUE_TIMES = `
  window.__queue = { first: 0, all: 0, longest: 0 };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__queue.longest = Math.max(window.__queue.longest, e.duration);
  }).observe({ type: "longtask", buffered: true });
  const look = () => {
    const q = window.__queue;
    const want = window.__want ?? Infinity;
    const cards = document.querySelectorAll("[data-review]");
    if (!q.first && cards.length) {
      const r = cards[0].getBoundingClientRect();
      if (r.height > 0 && r.top < innerHeight && cards[0].checkVisibility()) q.first = performance.now();
    }
    if (!q.all && cards.length >= want) q.all = performance.now();
    if (!q.all) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
`;

interface Person {
  email: string;
  name: string;
  teams: { team_name: string; role: string; member_status: string }[];
}

async function contextFor(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(await context.newPage(), APP, email, TEAM);
  return context;
}

async function main() {
  // A server left on these ports would be measured instead of ours.
  const busy = await fetch(`${APP}/sign-in`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`${APP} already answers: stop what listens on port 3400 first`);
  const dataDir = mkdtempSync(path.join(tmpdir(), "td-bench-approvals-"));
  const app = spawnGroup("npm", ["start", "--", "--reset"], {
    ...process.env,
    JIKO_API_URL: "",
    TD_DATA_DIR: dataDir,
    PORT: "3400",
    SANDBOX_API_PORT: "4410",
    SANDBOX_PORTAL_PORT: "4411",
    SANDBOX_RATE_LIMITS: "transfer-requests=100000,transactions=100000,pockets=100000",
    LOG_LEVEL: "warn",
  });
  try {
    await waitForUrl(`${APP}/sign-in`, { timeoutMs: 300_000, abort: app.exited });
    const people = ((await (await fetch(`${API}/_sandbox/people`)).json()) as { items: Person[] })
      .items;
    const inTeam = (role: string) =>
      people.find((p) =>
        p.teams.some(
          (t) => t.team_name === TEAM && t.role === role && t.member_status === "ACTIVE",
        ),
      )!;
    const reviewer = inTeam("REVIEWER");
    const initiator = inTeam("INITIATOR");
    const t0 = performance.now();
    const bulk = await fetch(`${API}/_sandbox/transfer-requests/bulk`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count: BULK }),
    });
    if (bulk.status !== 201) throw new Error(`bulk requests: ${bulk.status} ${await bulk.text()}`);
    const bulkMs = performance.now() - t0;

    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    const review = await contextFor(browser, reviewer.email);
    await review.addInitScript(QUEUE_TIMES);

    // One settling load: how many cards the queue shows (500 plus the seed's pending ones).
    const probe = await review.newPage();
    await probe.goto(`${APP}/approvals`);
    await probe.locator("[data-review]").first().waitFor({ timeout: 120_000 });
    await probe.waitForLoadState("networkidle");
    // The queue draws its first cards at once and the rest on demand: "all" is what it draws.
    const want = await probe.locator("[data-review]").count();
    const waiting = Number(
      /(\d+) awaiting your decision/.exec((await probe.locator("main").textContent()) ?? "")?.[1],
    );
    if (!(waiting >= BULK))
      throw new Error(`the queue counts ${waiting}, expected at least ${BULK}`);
    await probe.screenshot({ path: SCREENSHOT });
    // Keyboard review in the full queue: each j moves focus to the next card.
    const focused = () =>
      probe.evaluate(() =>
        [...document.querySelectorAll("[data-review]")].findIndex(
          (c) => c === document.activeElement || c.contains(document.activeElement),
        ),
      );
    await probe.locator("[data-review]").first().focus();
    const keys: number[] = [];
    for (let i = 0; i < 20; i++) {
      const at = await focused();
      const k0 = performance.now();
      await probe.keyboard.press("j");
      await probe.waitForFunction(
        (at) =>
          [...document.querySelectorAll("[data-review]")].findIndex(
            (c) => c === document.activeElement || c.contains(document.activeElement),
          ) ===
          at + 1,
        at,
      );
      keys.push(performance.now() - k0);
    }
    const afterJ = await focused();
    // Scrolling the whole queue: wheel to the bottom, then the time of one more frame.
    const s0 = performance.now();
    await probe.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await probe.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const scrollMs = performance.now() - s0;
    await probe.close();

    const first: number[] = [];
    const all: number[] = [];
    const route: number[] = [];
    const longest: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await review.newPage();
      await page.addInitScript((n) => {
        (window as unknown as { __want: number }).__want = n;
      }, want);
      await page.goto(`${APP}/approvals`);
      await page.waitForFunction(
        () => (window as unknown as { __queue: { all: number } }).__queue.all > 0,
        null,
        { timeout: 120_000 },
      );
      const v = await page.evaluate(() => ({
        ...(window as unknown as { __queue: { first: number; all: number; longest: number } })
          .__queue,
        route: (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((r) => r.name.includes("/api/transfer-requests/queue"))
          .map((r) => r.responseEnd - r.startTime)[0],
      }));
      first.push(v.first);
      all.push(v.all);
      longest.push(v.longest);
      if (v.route !== undefined) route.push(v.route);
      await page.close();
    }

    const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
    console.info(
      `bulk insert of ${BULK} pending requests (sandbox route)   ${bulkMs.toFixed(0)} ms`,
    );
    console.info(
      `queue, first card visible   median ${median(first).toFixed(0)} ms   (runs: ${ms(first)})`,
    );
    console.info(
      `queue of ${waiting}, its first ${want} cards drawn   median ${median(all).toFixed(0)} ms   (runs: ${ms(all)})`,
    );
    console.info(
      `queue route response        median ${median(route).toFixed(0)} ms   (runs: ${ms(route)}; resource timing)`,
    );
    console.info(
      `queue, longest main-thread task during load   median ${median(longest).toFixed(0)} ms   (runs: ${ms(longest)})`,
    );
    console.info(
      `queue, key j (next card), 20 presses   median ${median(keys).toFixed(0)} ms, max ${Math.max(...keys).toFixed(0)} ms (Playwright round trip included; focus ended on card ${afterJ + 1})`,
    );
    console.info(`queue, scroll to the bottom and next frame   ${scrollMs.toFixed(0)} ms`);
    // Approvals seen by the initiator: their list open (it re-reads while requests are pending).
    const mine = await (await contextFor(browser, initiator.email)).newPage();
    await mine.goto(`${APP}/transfers?view=mine`);
    await mine.getByTestId("request-row").first().waitFor({ timeout: 60_000 });
    const queue = await review.newPage();
    await queue.goto(`${APP}/approvals`);
    const seen: number[] = [];
    for (let i = 0; i < APPROVALS; i++) {
      const card = queue
        .locator("[data-review]")
        .filter({ has: queue.locator("button:enabled", { hasText: /^Approve$/ }) })
        .first();
      const id = (await card.getAttribute("data-id", { timeout: 60_000 }))!;
      await mine.locator(`[data-testid="request-row"][data-id="${id}"]`).waitFor();
      const shown = approvedAt(mine, id);
      await card.getByRole("button", { name: "Approve", exact: true }).click();
      const confirm = queue.getByRole("dialog").getByRole("button", { name: /^Approve \$/ });
      await confirm.waitFor();
      const clickedAt = queue.evaluate(
        () =>
          new Promise<number>((resolve) =>
            document.addEventListener("click", () => resolve(Date.now()), {
              capture: true,
              once: true,
            }),
          ),
      );
      // Marked handled now: a failure surfaces below, after the servers are stopped.
      clickedAt.catch(() => undefined);
      shown.catch(() => undefined);
      await confirm.click();
      const [clicked, approved] = await Promise.all([clickedAt, shown]);
      seen.push(approved - clicked);
      await queue.locator(`[data-review][data-id="${id}"]`).waitFor({ state: "detached" });
    }
    await browser.close();

    console.info(
      `approve → initiator sees "Approved"   median ${median(seen).toFixed(0)} ms   (runs: ${ms(seen)})`,
    );
    console.info(`screenshot of /approvals: ${SCREENSHOT}`);
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
