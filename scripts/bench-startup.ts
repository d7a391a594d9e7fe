/**
 * Start-up and sign-in figures, as medians over several runs:
 *   1. sandbox cold start: `sandbox/main.ts` until its API and portal answer, on a fresh data
 *      folder (first open + migrations + seed) and on an existing one;
 *   2. sign-in round trip: in Chromium, from clicking "Sign in with Jiko" to the dashboard showing
 *      the person's name (portal login, verification code, consent on the first run only);
 *   3. a clean clone: `git clone` of HEAD, then `npm install && npm start` until /sign-in answers
 *      (npm's cache is warm, as on a developer's machine; the build is from scratch).
 * Usage: npm run bench:startup -- [--runs 5] [--clone-runs 1] [--skip-clone] [--json <file>]
 * Servers listen on loopback ports 3300/4310/4311 and are stopped at the end.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH, median } from "./lib/measure";
import { npmStart, spawnGroup, waitForUrl } from "./lib/processes";
import { figure, reporter } from "./lib/report";

const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const RUNS = opt("--runs", 5);
const CLONE_RUNS = argv.includes("--skip-clone") ? 0 : opt("--clone-runs", 1);
const PORTS = { app: 3300, api: 4310, portal: 4311 };
const API = `http://127.0.0.1:${PORTS.api}`;
const PORTAL = `http://127.0.0.1:${PORTS.portal}`;
const APP = `http://localhost:${PORTS.app}`;

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const out = reporter();
const report = (label: string, xs: number[]) => {
  console.info(`${label.padEnd(48)} median ${fmt(median(xs))}  (runs: ${xs.map(fmt).join(", ")})`);
  out.add(figure(label, Math.round(median(xs)), "ms"));
};

const sandboxEnv = (dataDir: string) => ({
  ...process.env,
  SANDBOX_DATA_DIR: dataDir,
  SANDBOX_API_PORT: String(PORTS.api),
  SANDBOX_PORTAL_PORT: String(PORTS.portal),
});

async function sandboxColdStart(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const sandbox = spawnGroup(
    process.execPath,
    ["--import", "tsx", "sandbox/main.ts"],
    sandboxEnv(dataDir),
  );
  await waitForUrl(`${API}/_sandbox/health`, { timeoutMs: 60_000, abort: sandbox.exited });
  await waitForUrl(`${PORTAL}/.well-known/openid-configuration`, {
    timeoutMs: 10_000,
    abort: sandbox.exited,
  });
  const ms = performance.now() - t0;
  await sandbox.stop();
  return ms;
}

async function benchSandbox() {
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(path.join(tmpdir(), "td-bench-sandbox-"));
    fresh.push(await sandboxColdStart(dir));
    existing.push(await sandboxColdStart(dir));
    rmSync(dir, { recursive: true, force: true });
  }
  report("sandbox cold start, fresh data folder", fresh);
  report("sandbox cold start, existing data folder", existing);
}

async function startApp(cwd: string, dataDir: string) {
  return spawnGroup(
    "npm",
    // A clean clone builds its own .next; this checkout's build is shared.
    cwd === process.cwd() ? npmStart("--reset") : ["start", "--", "--reset"],
    {
      ...process.env,
      JIKO_API_URL: "",
      TD_DATA_DIR: dataDir,
      PORT: String(PORTS.app),
      SANDBOX_API_PORT: String(PORTS.api),
      SANDBOX_PORTAL_PORT: String(PORTS.portal),
      LOG_LEVEL: "warn",
    },
    cwd,
  );
}

async function benchSignIn() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "td-bench-app-"));
  const app = await startApp(process.cwd(), dataDir);
  try {
    await waitForUrl(`${APP}/sign-in`, { timeoutMs: 300_000, abort: app.exited });
    const people = (
      (await (await fetch(`${API}/_sandbox/people`)).json()) as {
        items: { email: string; name: string; status: string; teams: unknown[] }[];
      }
    ).items;
    const person = people.find((p) => p.status === "ACTIVE" && p.teams.length === 1)!;
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${APP}/sign-in`);
      const t0 = performance.now();
      await page.getByRole("button", { name: "Sign in with Jiko" }).click();
      await page.getByLabel("Email").fill(person.email);
      await page.getByLabel("Password").fill(process.env.SANDBOX_PASSWORD || "jiko-sandbox");
      await page.getByRole("button", { name: "Sign in" }).click();
      const code = (await page.getByText(/your code is \d{6}/i).textContent())!.match(/\d{6}/)![0];
      await page.getByLabel("Verification code").fill(code);
      await page.getByRole("button", { name: "Verify" }).click();
      if (i === 0) {
        await page.getByRole("checkbox", { name: /I agree to Jiko/ }).check();
        await page.getByRole("button", { name: "Grant access" }).click();
      }
      await page.getByTestId("viewer-name").filter({ hasText: person.name }).waitFor();
      const ms = performance.now() - t0;
      if (i === 0) report("sign-in round trip, first time (with consent)", [ms]);
      else times.push(ms);
      await context.close();
    }
    report("sign-in round trip, returning person", times);
    await browser.close();
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchCleanClone() {
  const times: number[] = [];
  for (let i = 0; i < CLONE_RUNS; i++) {
    const dir = mkdtempSync(path.join(tmpdir(), "td-bench-clone-"));
    execFileSync("git", ["clone", "--quiet", process.cwd(), dir]);
    const t0 = performance.now();
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent"], {
      cwd: dir,
      stdio: "ignore",
    });
    const app = await startApp(dir, path.join(dir, ".data"));
    try {
      await waitForUrl(`${APP}/sign-in`, { timeoutMs: 600_000, abort: app.exited });
      times.push(performance.now() - t0);
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (times.length) report("clean clone: npm install && npm start → sign-in", times);
}

await benchSandbox();
await benchSignIn();
await benchCleanClone();
