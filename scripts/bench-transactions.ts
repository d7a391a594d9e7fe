/**
 * Transactions figures on the production build against the embedded sandbox, at two seed sizes
 * (`--seed-size medium`, ~10,000 transactions, and `large`, ~1,000,000):
 *   - first-page latency (100 rows, no filter) through the dashboard's route and straight to the
 *     sandbox, measured side by side, medians and the median of the per-run ratios;
 *   - first-page latency at 1M vs 10k rows (through the dashboard);
 *   - CSV export of every row (large seed) straight from the sandbox and through the dashboard
 *     (which streams Jiko's file on through its formula guard), side by side, alternating: rows
 *     per second of each, the ratio of their times, and the peak RSS of the Next.js server while
 *     it streams.
 * Usage: npm run bench:transactions -- [--runs 15] [--sizes medium,large] [--export-runs 2]
 * The seeded data folders (.data/bench-tx-<size>) are kept: the large seed takes minutes, so a
 * second run reuses it. Servers listen on loopback ports 3400/4410/4411 and are stopped after.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { passwordTokens, registerTestClient } from "../sandbox/testing/oauth-client";
import { CHROMIUM_LAUNCH, median } from "./lib/measure";
import { sleep, spawnGroup, waitForUrl } from "./lib/processes";
import { signIn } from "./lib/sign-in";

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const RUNS = Number(arg("--runs") ?? 15);
const SIZES = (arg("--sizes") ?? "medium,large").split(",");
const EXPORT_RUNS = Number(arg("--export-runs") ?? 2);
const APP = "http://localhost:3400";
const API = "http://127.0.0.1:4410";
const PORTAL = "http://127.0.0.1:4411";
const EMAIL = "avery.chen@harborline.example";

async function timed(url: string, headers: Record<string, string>) {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = (await res.json()) as { items?: unknown[] };
  const ms = performance.now() - t0;
  if (!res.ok || body.items?.length !== 100) {
    throw new Error(`${url} answered ${res.status} with ${body.items?.length} rows`);
  }
  return ms;
}

/** RSS (KiB) of the Next.js server processes, from ps. */
function nextRssKib(): number {
  const out = execFileSync("ps", ["-eo", "rss=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((l) => /next-server|next\/dist\/bin\/next start/.test(l))
    .reduce((s, l) => s + Number(l.trim().split(/\s+/)[0] ?? 0), 0);
}

/** Downloads one CSV export whole, counting its lines; the Next.js server's RSS sampled meanwhile. */
async function exportAll(url: string, headers: Record<string, string>) {
  const before = nextRssKib();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, nextRssKib());
  }, 200);
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  if (!res.ok || !res.body) throw new Error(`${url} answered ${res.status}`);
  let lines = 0;
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 0x0a) lines++;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  // Every row is one line here: the seed's titles and descriptions hold no line breaks.
  const rows = lines - 1;
  return { rows, bytes, seconds, beforeMib: before / 1024, peakMib: peak / 1024 };
}

type Export = Awaited<ReturnType<typeof exportAll>>;
const rate = (e: Export) => Math.round(e.rows / e.seconds).toLocaleString("en-US");

/**
 * The whole file straight from the sandbox and through the dashboard, alternating, so both see
 * the same machine; the ratio is the dashboard's time over the sandbox's, run by run.
 */
async function benchExport(size: string, cookie: string, accessToken: string) {
  const ratios: number[] = [];
  for (let i = 0; i < EXPORT_RUNS; i++) {
    const direct = await exportAll(`${API}/api/v2/transactions.csv`, {
      authorization: `Bearer ${accessToken}`,
    });
    const app = await exportAll(`${APP}/api/transactions/export`, { cookie });
    if (app.rows !== direct.rows) {
      throw new Error(`the dashboard exported ${app.rows} rows, the sandbox ${direct.rows}`);
    }
    ratios.push(app.seconds / direct.seconds);
    console.info(
      `${size}: CSV export ${app.rows.toLocaleString("en-US")} rows: straight from the sandbox ${(direct.bytes / 2 ** 20).toFixed(0)} MiB in ${direct.seconds.toFixed(1)} s = ${rate(direct)} rows/s; through the dashboard ${(app.bytes / 2 ** 20).toFixed(0)} MiB in ${app.seconds.toFixed(1)} s = ${rate(app)} rows/s; ratio ${(app.seconds / direct.seconds).toFixed(2)}; Next.js server RSS ${app.beforeMib.toFixed(0)} MiB before, ${app.peakMib.toFixed(0)} MiB at its peak`,
    );
  }
  console.info(
    `${size}: CSV export, dashboard over sandbox time, median ${median(ratios).toFixed(2)}`,
  );
}

async function benchSize(size: string) {
  const dataDir = path.resolve(`.data/bench-tx-${size}`);
  const fresh = !existsSync(path.join(dataDir, "sandbox"));
  const app = spawnGroup(
    "npm",
    ["start", "--", ...(fresh ? ["--reset"] : []), "--seed-size", size],
    {
      ...process.env,
      JIKO_API_URL: "",
      TD_DATA_DIR: dataDir,
      PORT: "3400",
      SANDBOX_API_PORT: "4410",
      SANDBOX_PORTAL_PORT: "4411",
      LOG_LEVEL: "warn",
    },
  );
  try {
    const t0 = performance.now();
    await waitForUrl(`${APP}/sign-in`, { timeoutMs: 40 * 60_000, abort: app.exited });
    if (fresh)
      console.info(
        `${size}: seeded and started in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );

    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    const context = await browser.newContext();
    await signIn(await context.newPage(), APP, EMAIL);
    const cookie = (await context.cookies(APP)).map((c) => `${c.name}=${c.value}`).join("; ");
    await browser.close();
    const client = await registerTestClient(PORTAL);
    const { access_token } = await passwordTokens({ portalUrl: PORTAL, client, email: EMAIL });

    const dashboard = () => timed(`${APP}/api/transactions`, { cookie });
    const direct = () =>
      timed(`${API}/api/v2/transactions/?limit=100`, { authorization: `Bearer ${access_token}` });
    for (let i = 0; i < 3; i++)
      await Promise.all([dashboard(), direct()].map((p) => p.catch(() => 0)));

    const viaApp: number[] = [];
    const straight: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = await dashboard();
      const b = await direct();
      viaApp.push(a);
      straight.push(b);
      ratios.push(a / b);
      await sleep(100);
    }
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
    console.info(
      `${size}: first page via dashboard median ${median(viaApp).toFixed(1)} ms (${fmt(viaApp)}); straight to sandbox median ${median(straight).toFixed(1)} ms (${fmt(straight)}); median ratio ${median(ratios).toFixed(2)}`,
    );
    const result = { size, viaApp: median(viaApp) };
    if (size === "large" || argv.includes("--export"))
      await benchExport(size, cookie, access_token);
    return result;
  } finally {
    await app.stop();
  }
}

const results = [];
for (const size of SIZES) results.push(await benchSize(size));
const medium = results.find((r) => r.size === "medium");
const large = results.find((r) => r.size === "large");
if (medium && large) {
  console.info(
    `first page through the dashboard, 1M vs 10k rows: ${(large.viaApp / medium.viaApp).toFixed(2)}× (${large.viaApp.toFixed(1)} vs ${medium.viaApp.toFixed(1)} ms)`,
  );
}
