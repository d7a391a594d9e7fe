/**
 * The transactions table with 100,000 loaded rows, in headless Chromium on the production build:
 * Jiko's rate limit (120 list calls a minute) makes loading that many real rows take a quarter
 * of an hour, so the browser's calls for further pages are answered here with synthetic pages
 * of 100 valid transactions. Reports the time to load them by scrolling, the rows in the DOM,
 * and the frame intervals (median, p95) while the list is scrolled with the mouse wheel.
 * Usage: npm run bench:table -- [--rows 100000] [--json <file>]
 * Servers listen on loopback ports 3500/4510/4511 and are stopped at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import type { Transaction } from "../lib/jiko/transactions";
import { CHROMIUM_LAUNCH, median } from "./lib/measure";
import { npmStart, spawnGroup, waitForUrl } from "./lib/processes";
import { figure, reporter } from "./lib/report";
import { signIn } from "./lib/sign-in";

const argv = process.argv.slice(2);
const ROWS = argv.includes("--rows") ? Number(argv[argv.indexOf("--rows") + 1]) : 100_000;
const APP = "http://localhost:3500";
const out = reporter();

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** Page `n` of the synthetic list: 100 card purchases a minute apart, going back in time. */
function page(n: number, pocketId: string) {
  const items: Transaction[] = Array.from({ length: 100 }, (_, i) => {
    const k = n * 100 + i;
    const booked = new Date(Date.UTC(2026, 10, 20) - k * 60_000).toISOString();
    return {
      id: uuid(k + 1),
      transaction_id: uuid(k + 1),
      description: "Card Purchase",
      amount: { value: 1_000 + (k % 9_000), currency: "USD", formatted: "" },
      time_booked: booked,
      time_settled: booked,
      status: "SETTLED",
      title: `Merchant ${k % 97}`,
      direction: "DEBIT",
      pocket_id: pocketId,
      customer_id: uuid(0),
      remittance_information: null,
      type: "CARD",
      card_id: null,
      merchant_name: `Merchant ${k % 97}`,
    };
  });
  const last = (n + 1) * 100 >= ROWS;
  return {
    prev_page: null,
    next_page: last ? null : `p${n + 1}`,
    items,
    object_type: "CursorList",
  };
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "td-bench-table-"));
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
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    await signIn(p, APP, "avery.chen@harborline.example");
    await p.goto(`${APP}/transactions`);
    await p.getByTestId("transaction-row").first().waitFor();
    const pocketId = uuid(0);
    // Every further page the browser asks for is synthetic (the first came from the sandbox).
    await p.route(/\/api\/transactions\?.*cursor=/, async (route) => {
      const cursor = new URL(route.request().url()).searchParams.get("cursor") ?? "";
      const n = cursor.startsWith("p") ? Number(cursor.slice(1)) : 0;
      await route.fulfill({ json: page(n, pocketId) });
    });

    const scroller = p.getByTestId("transactions-scroller");
    const t0 = performance.now();
    let loaded = 0;
    while (loaded < ROWS) {
      await scroller.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await p.waitForTimeout(5);
      loaded = Number(
        (await p.getByText(/^[\d,]+\+? transactions$/).textContent())!.replace(/\D/g, ""),
      );
    }
    const loadSeconds = (performance.now() - t0) / 1000;

    // Frame intervals while the wheel scrolls through the middle of the list.
    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await scroller.hover();
    // A string, not a function: tsx's helpers (__name) do not exist in the page.
    const frames = p.evaluate<number[]>(`new Promise((resolve) => {
      const out = [];
      let last = performance.now();
      const end = last + 3000;
      const tick = (t) => {
        out.push(t - last);
        last = t;
        if (t < end) requestAnimationFrame(tick);
        else resolve(out);
      };
      requestAnimationFrame(tick);
    })`);
    for (let i = 0; i < 60; i++) {
      await p.mouse.wheel(0, 400);
      await p.waitForTimeout(40);
    }
    const intervals = (await frames).sort((a, b) => a - b);
    const domRows = await p.getByTestId("transaction-row").count();
    await browser.close();

    const p95 = intervals[Math.floor(intervals.length * 0.95)] ?? 0;
    console.info(
      `loaded ${loaded.toLocaleString("en-US")} rows by scrolling in ${loadSeconds.toFixed(1)} s; rows in the DOM: ${domRows}`,
    );
    console.info(
      `wheel scrolling at ${loaded.toLocaleString("en-US")} rows: frame interval median ${median(intervals).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${intervals.length} frames`,
    );
    const rows = loaded.toLocaleString("en-US");
    out.add(
      figure(`transactions table: ${rows} rows loaded by scrolling`, loadSeconds, "s"),
      figure(`transactions table at ${rows} rows: rows in the DOM`, domRows, "rows"),
      figure(
        `transactions table at ${rows} rows: wheel frame interval, median`,
        median(intervals),
        "ms",
      ),
      figure(`transactions table at ${rows} rows: wheel frame interval, p95`, p95, "ms"),
    );
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
