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
 *   - the pockets and team routes beside the sandbox endpoints they wrap (same person, same run);
 *   - each of those Jiko calls through a bare proxy too (scripts/lib/bare-hop-server.mjs): what
 *     one more hop costs here before the dashboard does any work.
 * Every figure is taken once the earnings history that sign-in starts filling is complete.
 * Usage: npm run bench:transactions -- [--runs 15] [--sizes medium,large] [--export-runs 2]
 *   [--export] (export at every size) [--json <file>]
 * The seeded data folders (.data/bench-tx-<size>) are kept: the large seed takes minutes, so a
 * second run reuses it. Servers listen on loopback ports 3400/4410/4411/4412 and are stopped after.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import { passwordTokens, registerTestClient } from "../sandbox/testing/oauth-client";
import { startBareHop } from "./lib/bare-hop";
import { programOf } from "./lib/cpu-share";
import { cookieHeader, historyFilled } from "./lib/history-filled";
import { CHROMIUM_LAUNCH, median } from "./lib/measure";
import { benchServer, sleep, waitForUrl } from "./lib/processes";
import { failed, figure, reporter } from "./lib/report";
import { signIn } from "./lib/sign-in";

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const RUNS = Number(arg("--runs") ?? 15);
const SIZES = (arg("--sizes") ?? "medium,large").split(",");
const EXPORT_RUNS = Number(arg("--export-runs") ?? 2);
const APP = "http://localhost:3400";
const API = "http://127.0.0.1:4410";
const PORTAL = "http://127.0.0.1:4411";
const BARE_HOP_PORT = 4412;
const EMAIL = "avery.chen@harborline.example";
const out = reporter();
/** Targets: routes within 1.3× of Jiko, export ≥ 100k rows/s and ≤ 1.1× of Jiko, 1M ≤ 1.2× 10k. */
const ROUTE_RATIO = 1.3;
const EXPORT_RATE = 100_000;
const EXPORT_RATIO = 1.1;
const GROWTH_RATIO = 1.2;

/** One call, read whole; `rows`, when given, is the number of items the page must hold. */
async function timed(url: string, headers: Record<string, string>, rows?: number) {
  const t0 = performance.now();
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
  const body = (await res.json()) as { items?: unknown[] };
  const ms = performance.now() - t0;
  if (!res.ok || (rows !== undefined && body.items?.length !== rows)) {
    throw new Error(`${url} answered ${res.status} with ${body.items?.length} rows`);
  }
  return ms;
}

/**
 * A dashboard route, the same Jiko call through a bare proxy (the floor of one more hop, see
 * scripts/lib/bare-hop-server.mjs) and the Jiko endpoint itself, in turn run by run after a
 * warm-up: each one's times and the median of the dashboard's per-run ratios.
 */
async function sideBySide(
  dashboard: () => Promise<number>,
  bareHop: () => Promise<number>,
  direct: () => Promise<number>,
) {
  for (let i = 0; i < 3; i++)
    await Promise.all([dashboard(), bareHop(), direct()].map((p) => p.catch(() => 0)));
  const viaApp: number[] = [];
  const viaHop: number[] = [];
  const straight: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = await dashboard();
    const h = await bareHop();
    const b = await direct();
    viaApp.push(a);
    viaHop.push(h);
    straight.push(b);
    ratios.push(a / b);
    await sleep(100);
  }
  return { viaApp, viaHop, straight, ratios };
}

/**
 * The Next.js server's processes, named as the CPU sampler names them, from ps (once per export:
 * spawning ps blocks this process).
 */
function nextPids(): number[] {
  const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter(([pid, ...args]) => pid && programOf(args) === "Next")
    .map(([pid]) => Number(pid));
}

/**
 * Their RSS (KiB), read from /proc without blocking: a sampler that blocks the event loop stalls
 * the download it is measuring (a synchronous ps every 200 ms made the dashboard's export look
 * ten times slower than it is).
 */
async function rssKib(pids: readonly number[]): Promise<number> {
  const sizes = await Promise.all(
    pids.map((pid) =>
      readFile(`/proc/${pid}/status`, "utf8").then(
        (text) => Number(/VmRSS:\s+(\d+)/.exec(text)?.[1] ?? 0),
        () => 0,
      ),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/** Downloads one CSV export whole, counting its lines; the Next.js server's RSS sampled meanwhile. */
async function exportAll(url: string, headers: Record<string, string>) {
  const pids = nextPids();
  const before = await rssKib(pids);
  let peak = before;
  const sampler = setInterval(() => {
    void rssKib(pids).then((kib) => {
      peak = Math.max(peak, kib);
    });
  }, 200);
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  if (!res.ok || !res.body) throw new Error(`${url} answered ${res.status}`);
  let lines = 0;
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines++;
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
  const runs: { direct: Export; app: Export }[] = [];
  for (let i = 0; i < EXPORT_RUNS; i++) {
    const direct = await exportAll(`${API}/api/v2/transactions.csv`, {
      authorization: `Bearer ${accessToken}`,
    });
    const app = await exportAll(`${APP}/api/transactions/export`, { cookie });
    if (app.rows !== direct.rows) {
      throw new Error(`the dashboard exported ${app.rows} rows, the sandbox ${direct.rows}`);
    }
    ratios.push(app.seconds / direct.seconds);
    runs.push({ direct, app });
    console.info(
      `${size}: CSV export ${app.rows.toLocaleString("en-US")} rows: straight from the sandbox ${(direct.bytes / 2 ** 20).toFixed(0)} MiB in ${direct.seconds.toFixed(1)} s = ${rate(direct)} rows/s; through the dashboard ${(app.bytes / 2 ** 20).toFixed(0)} MiB in ${app.seconds.toFixed(1)} s = ${rate(app)} rows/s; ratio ${(app.seconds / direct.seconds).toFixed(2)}; Next.js server RSS ${app.beforeMib.toFixed(0)} MiB before, ${app.peakMib.toFixed(0)} MiB at its peak`,
    );
  }
  console.info(
    `${size}: CSV export, dashboard over sandbox time, median ${median(ratios).toFixed(2)}`,
  );
  const rows = runs[0]!.direct.rows.toLocaleString("en-US");
  out.add(
    figure(
      `${size}: CSV export straight from the sandbox (${rows} rows)`,
      Math.round(median(runs.map((r) => r.direct.rows / r.direct.seconds))),
      "rows/s",
      { min: EXPORT_RATE },
    ),
    figure(
      `${size}: CSV export through the dashboard`,
      median(runs.map((r) => r.app.seconds)),
      "s",
      {
        baseline: median(runs.map((r) => r.direct.seconds)),
        baselineLabel: "same file straight from the sandbox",
        ratioMax: EXPORT_RATIO,
      },
    ),
    figure(
      `${size}: Next.js server RSS at its peak while exporting`,
      Math.round(Math.max(...runs.map((r) => r.app.peakMib))),
      "MiB",
      {
        baseline: Math.round(runs[0]!.app.beforeMib),
        baselineLabel: "RSS before the export",
      },
    ),
  );
}

/**
 * A Jiko call through the bare proxy beside the same call made directly: no target, it is what
 * one more hop costs on this machine before any work of the dashboard's.
 */
const hopFigure = (call: string, viaHop: number[], straight: number[]) =>
  figure(`${call} through a bare proxy (one more hop, no work)`, median(viaHop), "ms", {
    baseline: median(straight),
    baselineLabel: "the same call at the sandbox",
  });

async function benchSize(size: string) {
  const dataDir = path.resolve(`.data/bench-tx-${size}`);
  const fresh = !existsSync(path.join(dataDir, "sandbox"));
  // First: the dashboard's servers are stopped only from the `try` below.
  const hop = await startBareHop(API, BARE_HOP_PORT);
  const app = benchServer(dataDir, {
    flags: [...(fresh ? ["--reset"] : []), "--seed-size", size],
  });
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
    const cookie = cookieHeader(await context.cookies(APP));
    await browser.close();
    // Every figure below waits for the fill sign-in started (scripts/lib/history-filled.ts).
    await historyFilled(APP, cookie, { label: `${size}: ` });
    const client = await registerTestClient(PORTAL);
    const { access_token } = await passwordTokens({ portalUrl: PORTAL, client, email: EMAIL });

    const bearer = { authorization: `Bearer ${access_token}` };
    const txPage = "/api/v2/transactions/?limit=100";
    const { viaApp, viaHop, straight, ratios } = await sideBySide(
      () => timed(`${APP}/api/transactions`, { cookie }, 100),
      () => timed(`${hop.origin}${txPage}`, bearer, 100),
      () => timed(`${API}${txPage}`, bearer, 100),
    );
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
    console.info(
      `${size}: first page via dashboard median ${median(viaApp).toFixed(1)} ms (${fmt(viaApp)}); via a bare proxy median ${median(viaHop).toFixed(1)} ms (${fmt(viaHop)}); straight to sandbox median ${median(straight).toFixed(1)} ms (${fmt(straight)}); median ratio ${median(ratios).toFixed(2)}`,
    );
    out.add(
      figure(`${size}: GET /api/transactions (first 100)`, median(viaApp), "ms", {
        baseline: median(straight),
        baselineLabel: `GET ${txPage} at the sandbox`,
        ratioMax: ROUTE_RATIO,
      }),
      hopFigure(`${size}: GET ${txPage}`, viaHop, straight),
    );
    // The pockets and team routes: the seed's sizes do not change them, once is enough.
    if (size === SIZES[0]) {
      const others = [
        ["/api/pockets", "/api/v2/pockets/?limit=100"],
        ["/api/team", "/api/v1/team/"],
      ] as const;
      for (const [route, jiko] of others) {
        const name = `GET ${route}`;
        try {
          const r = await sideBySide(
            () => timed(`${APP}${route}`, { cookie }),
            () => timed(`${hop.origin}${jiko}`, bearer),
            () => timed(`${API}${jiko}`, bearer),
          );
          console.info(
            `${name}: via dashboard median ${median(r.viaApp).toFixed(1)} ms (${fmt(r.viaApp)}); via a bare proxy median ${median(r.viaHop).toFixed(1)} ms (${fmt(r.viaHop)}); straight to sandbox median ${median(r.straight).toFixed(1)} ms (${fmt(r.straight)}); median ratio ${median(r.ratios).toFixed(2)}`,
          );
          out.add(
            figure(name, median(r.viaApp), "ms", {
              baseline: median(r.straight),
              baselineLabel: `GET ${jiko} at the sandbox`,
              ratioMax: ROUTE_RATIO,
            }),
            hopFigure(`GET ${jiko}`, r.viaHop, r.straight),
          );
        } catch (err) {
          console.info(`${name}: failed: ${(err as Error).message}`);
          out.add(failed(name, err, `≤ ${ROUTE_RATIO}× baseline`));
        }
      }
    }
    const result = { size, viaApp: median(viaApp) };
    if (size === "large" || argv.includes("--export"))
      await benchExport(size, cookie, access_token);
    return result;
  } finally {
    hop.stop();
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
  out.add(
    figure("transactions first page through the dashboard at 1M rows", large.viaApp, "ms", {
      baseline: medium.viaApp,
      baselineLabel: "same at 10k rows",
      ratioMax: GROWTH_RATIO,
    }),
  );
}
