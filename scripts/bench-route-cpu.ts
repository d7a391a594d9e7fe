/**
 * What a read of the dashboard's JSON API costs the server, beside the Jiko call it wraps: for
 * each route, N reads one after another through the dashboard, then N of the same endpoint
 * straight from the sandbox, on the production build with a fresh seed. Prints the median time
 * of a read and the CPU each server spent per read (from /proc, in 10 ms ticks pooled over the N
 * reads, so it is good to about 10 / N ms). Between the two, N reads of the same endpoint through
 * a bare proxy (scripts/lib/bare-hop-server.mjs): what one more hop costs, in time and CPU,
 * before any work of the dashboard's. Jiko's per-minute limits are raised in the sandbox: the
 * figures are the work of a read, not waits on 429s.
 * Usage: npm run bench:route-cpu -- [--reads 800] [--json <file>]
 * Servers listen on loopback ports 3400/4410/4411/4412 and are stopped at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { passwordTokens, registerTestClient } from "../sandbox/testing/oauth-client";
import { startBareHop } from "./lib/bare-hop";
import { cpuSampler } from "./lib/cpu-share";
import { cookieHeader, historyFilled } from "./lib/history-filled";
import { CHROMIUM_LAUNCH, median } from "./lib/measure";
import { benchServer, waitForUrl } from "./lib/processes";
import { figure, reporter } from "./lib/report";
import { signIn } from "./lib/sign-in";

const argv = process.argv.slice(2);
const READS = argv.includes("--reads") ? Number(argv[argv.indexOf("--reads") + 1]) : 800;
const APP = "http://localhost:3400";
const API = "http://127.0.0.1:4410";
const PORTAL = "http://127.0.0.1:4411";
const BARE_HOP_PORT = 4412;
const EMAIL = "avery.chen@harborline.example";
/** Each dashboard route and the Jiko endpoint it wraps (none: a signed-out read, refused). */
const ROUTES = [
  ["/api/team", "/api/v1/team/"],
  ["/api/pockets", "/api/v2/pockets/?limit=100"],
  ["/api/transactions", "/api/v2/transactions/?limit=100"],
  ["/api/team (signed out)", null],
] as const;
const out = reporter();
const cpu = cpuSampler();

/** Reads before any is measured: the servers' code for this read is compiled by then. */
const WARM_UP = 200;

async function warmUp(url: string, headers: Record<string, string>) {
  for (let i = 0; i < WARM_UP; i++) await (await fetch(url, { headers })).arrayBuffer();
}

/** READS reads of `url` one after another: median time, and CPU per read of the two servers. */
async function reads(url: string, headers: Record<string, string>, status: number) {
  const times: number[] = [];
  const from = Date.now();
  for (let i = 0; i < READS; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== status) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - t0);
  }
  const spent = cpu.window(from, Date.now());
  const per = (p: "Next" | "sandbox" | "bare hop") => (spent?.byProgram.get(p) ?? 0) / READS;
  return { ms: median(times), next: per("Next"), hop: per("bare hop"), sandbox: per("sandbox") };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "td-bench-route-cpu-"));
// Before the dashboard's servers (stopped only from the `try` below), and before the CPU sampler
// is armed: it lists the processes it follows then.
const hop = await startBareHop(API, BARE_HOP_PORT);
const app = benchServer(dataDir, {
  rateLimits: "team=10000000,user=10000000,pockets=10000000,transactions=10000000",
});
try {
  await waitForUrl(`${APP}/sign-in`, { timeoutMs: 300_000, abort: app.exited });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const context = await browser.newContext();
  await signIn(await context.newPage(), APP, EMAIL);
  const cookie = cookieHeader(await context.cookies(APP));
  await browser.close();
  await historyFilled(APP, cookie);
  const client = await registerTestClient(PORTAL);
  const { access_token } = await passwordTokens({ portalUrl: PORTAL, client, email: EMAIL });
  cpu.arm();
  for (const [route, jiko] of ROUTES) {
    const signedOut = jiko === null;
    const appHeaders: Record<string, string> = signedOut ? {} : { cookie };
    const appRead = [`${APP}${route.split(" ")[0]}`, appHeaders] as const;
    const bearer = { authorization: `Bearer ${access_token}` };
    const jikoRead = [`${API}${jiko}`, bearer] as const;
    const hopRead = [`${hop.origin}${jiko}`, bearer] as const;
    // All warmed first: the sandbox's code for the endpoint serves each, and the reads measured
    // first would otherwise pay for compiling it.
    await warmUp(...appRead);
    if (!signedOut) for (const read of [hopRead, jikoRead]) await warmUp(...read);
    const viaApp = await reads(...appRead, signedOut ? 401 : 200);
    const line = `${route}: through the dashboard ${viaApp.ms.toFixed(2)} ms a read, server CPU ${viaApp.next.toFixed(2)} ms a read (sandbox ${viaApp.sandbox.toFixed(2)} ms)`;
    if (signedOut) {
      console.info(line);
      out.add(figure(`${route}: server CPU a read`, viaApp.next, "ms"));
      continue;
    }
    const viaHop = await reads(...hopRead, 200);
    const direct = await reads(...jikoRead, 200);
    console.info(
      `${line}; through a bare proxy ${viaHop.ms.toFixed(2)} ms a read, its CPU ${viaHop.hop.toFixed(2)} ms a read (sandbox ${viaHop.sandbox.toFixed(2)} ms); straight from the sandbox ${direct.ms.toFixed(2)} ms a read (its CPU ${direct.sandbox.toFixed(2)} ms)`,
    );
    out.add(
      figure(`${route}: server CPU a read`, viaApp.next, "ms", {
        baseline: direct.sandbox,
        baselineLabel: `the sandbox's CPU a read of ${jiko}`,
      }),
      figure(`${route}: a read, one after another`, viaApp.ms, "ms", {
        baseline: direct.ms,
        baselineLabel: `${jiko} straight from the sandbox`,
      }),
      figure(`${jiko} through a bare proxy: proxy CPU a read`, viaHop.hop, "ms", {
        baseline: direct.sandbox,
        baselineLabel: `the sandbox's CPU a read of ${jiko}`,
      }),
      figure(`${jiko} through a bare proxy: a read, one after another`, viaHop.ms, "ms", {
        baseline: direct.ms,
        baselineLabel: `${jiko} straight from the sandbox`,
      }),
    );
  }
  cpu.disarm();
} finally {
  hop.stop();
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
