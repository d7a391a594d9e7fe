/**
 * Live updates, measured: from a reviewer's approval to the initiator's open list showing
 * "Approved" without a reload, on the production build in headless Chromium. Two ways the event
 * reaches the dashboard, side by side in one run:
 *   - webhook: the embedded sandbox delivers Jiko's signed event to /api/webhooks/jiko, which
 *     fans it out over server-sent events;
 *   - polling: the admin disables that subscription in Settings → Webhooks (the dashboard's own
 *     route), and the dashboard reads Jiko's events list every LIVE_POLL_MS instead.
 * Each approval is the reviewer's decision route called from their signed-in browser. The clock
 * starts at the approval at Jiko (the `transfer_requests.approved` event's timestamp, set in the
 * decision's own transaction) and stops when the initiator's row reads "Approved" (a
 * MutationObserver in their page; one machine, one clock); the split says how long the event
 * took to reach the page and the list to be re-read. Median and p95 over N approvals per way,
 * and, for reference, from the reviewer's request to the row.
 * Usage: npm run bench:live -- [--runs 20] [--json <file>]
 * Servers listen on loopback ports 3500/4510/4511 and are stopped at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH, median } from "./lib/measure";
import { npmStart, spawnGroup, waitForUrl } from "./lib/processes";
import { figure, reporter } from "./lib/report";
import { approvedAt } from "./lib/request-status";
import { signIn } from "./lib/sign-in";

const argv = process.argv.slice(2);
const RUNS = argv.includes("--runs") ? Number(argv[argv.indexOf("--runs") + 1]) : 20;
const APP = "http://localhost:3500";
const API = "http://127.0.0.1:4510";
const TEAM = "Harborline Treasury";
const out = reporter();

const p95 = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
};

interface Person {
  email: string;
  teams: { team_name: string; role: string; member_status: string }[];
}

async function signedIn(context: BrowserContext, email: string) {
  const page = await context.newPage();
  await signIn(page, APP, email, TEAM);
  const team = await page.locator("[data-team-id]").first().getAttribute("data-team-id");
  return { page, team: team! };
}

async function main() {
  const busy = await fetch(`${APP}/sign-in`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`${APP} already answers: stop what listens on port 3500 first`);
  const dataDir = mkdtempSync(path.join(tmpdir(), "td-bench-live-"));
  const app = spawnGroup("npm", npmStart("--reset"), {
    ...process.env,
    JIKO_API_URL: "",
    TD_DATA_DIR: dataDir,
    PORT: "3500",
    SANDBOX_API_PORT: "4510",
    SANDBOX_PORTAL_PORT: "4511",
    // Every event refreshes three open pages, each read resolving its person at Jiko: the
    // per-minute limits would be the figure otherwise.
    SANDBOX_RATE_LIMITS:
      "transfer-requests=100000,transactions=100000,pockets=100000,user=100000,team=100000,counterparties=100000,customer=100000,notifications=100000,subscriptions=100000,trades=100000",
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
    const bulk = await fetch(`${API}/_sandbox/transfer-requests/bulk`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count: RUNS * 2 + 5 }),
    });
    if (bulk.status !== 201) throw new Error(`bulk requests: ${bulk.status} ${await bulk.text()}`);

    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    const ctx = () => browser.newContext({ viewport: { width: 1280, height: 800 } });
    const reviewer = await signedIn(await ctx(), inTeam("REVIEWER").email);
    const admin = await signedIn(await ctx(), inTeam("ADMIN").email);
    const initiator = await signedIn(await ctx(), inTeam("INITIATOR").email);
    const mine = initiator.page;
    await mine.goto(`${APP}/transfers?view=mine`);
    await mine.locator("body[data-live=open]").waitFor({ timeout: 60_000 });

    const pendingIds = async () =>
      mine
        .locator('[data-testid="request-row"]')
        .filter({ hasText: "Awaiting approval" })
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")!));

    async function approveAll(label: string): Promise<number[]> {
      const seen: number[] = [];
      const decision: number[] = [];
      const event: number[] = [];
      const refresh: number[] = [];
      const atJiko: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const [id] = await pendingIds();
        if (!id) throw new Error("no pending request left in the initiator's list");
        const shown = approvedAt(mine, id);
        shown.catch(() => undefined);
        const sent = Date.now();
        const res = await reviewer.page.request.post(
          `${APP}/api/transfer-requests/${id}/decision`,
          {
            headers: { origin: APP, "x-td-team": reviewer.team },
            data: { status: "APPROVED" },
          },
        );
        const answered = Date.now();
        if (!res.ok()) throw new Error(`decision: ${res.status()} ${await res.text()}`);
        const done = await shown;
        // When the approval's event reached the initiator's page (LiveUpdates marks each one).
        const heard = await mine.evaluate((since) => {
          const mark = performance
            .getEntriesByName("td-live:transfer_requests.approved")
            .map((m) => ({
              t: performance.timeOrigin + m.startTime,
              at: Date.parse((m as PerformanceMark).detail?.at ?? ""),
            }))
            .find((m) => m.t >= since);
          return mark ?? null;
        }, sent);
        decision.push(answered - sent);
        seen.push(done - sent);
        if (heard) {
          // From the approval at Jiko (the event's own timestamp; one machine, one clock).
          atJiko.push(done - heard.at);
          event.push(heard.t - heard.at);
          refresh.push(done - heard.t);
        }
      }
      const line = (name: string, xs: number[]) => `   ${name} median ${median(xs).toFixed(0)} ms`;
      const runs = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
      console.info(
        `${label.padEnd(8)} approval at Jiko → initiator sees "Approved"   median ${median(atJiko).toFixed(0)} ms   p95 ${p95(atJiko).toFixed(0)} ms   (runs: ${runs(atJiko)})`,
      );
      console.info(
        `${"".padEnd(8)}event at Jiko → in the page${line("", event)}; then list re-read and shown${line("", refresh)}`,
      );
      console.info(
        `${"".padEnd(8)}reviewer's click (decision route sent) → shown   median ${median(seen).toFixed(0)} ms   p95 ${p95(seen).toFixed(0)} ms; decision route answered${line("", decision)}`,
      );
      out.add(
        figure(
          `live (${label.trim()}): approval at Jiko → initiator sees "Approved"`,
          median(atJiko),
          "ms",
        ),
        figure(`live (${label.trim()}): same, p95`, p95(atJiko), "ms"),
      );
      return seen;
    }

    const status = async () =>
      (await (await admin.page.request.get(`${APP}/api/subscriptions/live-status`)).json()) as {
        mode: string;
      };
    if ((await status()).mode !== "webhook") throw new Error("expected webhooks to reach the app");
    await approveAll("webhook");

    // The polling fallback: the admin disables the subscription that delivers here.
    const subs = (await (await admin.page.request.get(`${APP}/api/subscriptions`)).json()) as {
      items: { id: string; url: string; delivers_here?: boolean }[];
    };
    const own = subs.items.find((s) => s.url === `${APP}/api/webhooks/jiko`);
    if (!own) throw new Error("no subscription delivers to this dashboard");
    const off = await admin.page.request.patch(`${APP}/api/subscriptions/${own.id}`, {
      headers: { origin: APP, "x-td-team": admin.team },
      data: { status: "disabled" },
    });
    if (!off.ok()) throw new Error(`disable: ${off.status()} ${await off.text()}`);
    // The mode is cached a few seconds per instance.
    await new Promise((r) => setTimeout(r, 6_000));
    if ((await status()).mode !== "polling") throw new Error("expected the polling fallback");
    await approveAll("polling");
    await browser.close();
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
