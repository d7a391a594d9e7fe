/**
 * Approval and team figures as work grows, on the production build in headless Chromium, for the
 * seeded US company (sandbox bulk routes add pending requests and team members):
 *   - the approval queue's first render, signed in as its reviewer, at ~10 pending requests and
 *     again at ~500, in one run: median over N loads of the time from navigation start to the
 *     first review card visible and to every card in the DOM (the page brings the queue in its
 *     own response; the queue route's time is shown only if the browser asked for it);
 *     Beside it, Jiko's own part: the reviewer's pending list read straight from the sandbox (every
 *     page of 100, as the dashboard reads it), at both sizes;
 *   - the team page's first render, signed in as its admin, with the seeded team (~10 members)
 *     and after 490 more (half invited, half joined): first member row visible, every row drawn;
 *   - from the click on "Approve $…" in the reviewer's queue to the initiator's open list of
 *     requests showing "Approved" without a reload, median over a few approvals.
 * Jiko's per-minute limits are raised in the sandbox: the figures are rendering and reading, not
 * waits on 429s. They are taken once the team's earnings history, which the first sign-in starts
 * filling, is complete.
 * Usage: npm run bench:approvals -- [--runs 10] [--approvals 5] [--json <file>]
 * Servers listen on loopback ports 3400/4410/4411 and are stopped at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium } from "@playwright/test";
import { passwordTokens, registerTestClient } from "../sandbox/testing/oauth-client";
import { growthRows, med, ms, renders } from "./lib/growth-renders";
import { cookieHeader, historyFilled } from "./lib/history-filled";
import { CHROMIUM_LAUNCH, median } from "./lib/measure";
import { benchServer, waitForUrl } from "./lib/processes";
import { figure, reporter } from "./lib/report";
import { approvedAt } from "./lib/request-status";
import { signIn } from "./lib/sign-in";

const argv = process.argv.slice(2);
const RUNS = argv.includes("--runs") ? Number(argv[argv.indexOf("--runs") + 1]) : 10;
const APPROVALS = argv.includes("--approvals") ? Number(argv[argv.indexOf("--approvals") + 1]) : 5;
/** Pending requests (beyond the seed's) at the small and the large size; team members added. */
const SMALL = 10;
const BULK = 500;
const MORE_MEMBERS = 490;
const out = reporter();
const APP = "http://localhost:3400";
const API = "http://127.0.0.1:4410";
const PORTAL = "http://127.0.0.1:4411";
const TEAM = "Harborline Treasury";
const SCREENSHOT = path.join(tmpdir(), "td-bench-approvals.png");

interface Person {
  email: string;
  name: string;
  teams: { team_id: string; team_name: string; role: string; member_status: string }[];
}

async function contextFor(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(await context.newPage(), APP, email, TEAM);
  return context;
}

/**
 * The team page draws a page of rows per table; pressing each "Show more" until none is left
 * must reveal every member (checked, not timed).
 */
async function allMembersShown(context: BrowserContext, expected: number): Promise<number> {
  const page = await context.newPage();
  await page.goto(`${APP}/team`);
  const more = page.getByRole("button", { name: /^Show \d+ more/ });
  await page.locator('[data-testid^="member-"]').first().waitFor();
  while ((await more.count()) > 0) await more.first().click();
  const rows = await page.locator('[data-testid^="member-"]').count();
  await page.close();
  if (rows !== expected) throw new Error(`the team page shows ${rows} members of ${expected}`);
  return rows;
}

async function bulk(pathname: string, body: unknown) {
  const t0 = performance.now();
  const res = await fetch(`${API}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${pathname}: ${res.status} ${await res.text()}`);
  return performance.now() - t0;
}

/**
 * Jiko's own time for the queue's main read: every page of the pending requests, straight from
 * the sandbox with the reviewer's token, median of `RUNS` (Jiko lists newest first, 100 a page,
 * so the oldest-first queue needs them all).
 */
async function pendingStraight(
  bearer: Record<string, string>,
): Promise<{ ms: number; pages: number }> {
  const reads: { ms: number; pages: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `${API}/api/v1/transfer-requests/?status=PENDING&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const res: Response = await fetch(url, { headers: bearer });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      cursor = ((await res.json()) as { next_page: string | null }).next_page;
      pages++;
    } while (cursor);
    reads.push({ ms: performance.now() - t0, pages });
  }
  return { ms: median(reads.map((r) => r.ms)), pages: reads[0]!.pages };
}

const waitingIn = (text: string) => Number(/(\d+) awaiting your decision/.exec(text)?.[1]);

async function main() {
  // A server left on these ports would be measured instead of ours.
  const busy = await fetch(`${APP}/sign-in`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`${APP} already answers: stop what listens on port 3400 first`);
  const dataDir = mkdtempSync(path.join(tmpdir(), "td-bench-approvals-"));
  const app = benchServer(dataDir, {
    rateLimits: "transfer-requests=100000,transactions=100000,pockets=100000",
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
    const admin = inTeam("ADMIN");
    const browser = await chromium.launch(CHROMIUM_LAUNCH);

    // The team page: the seeded team, then 490 more members. The figures wait for the earnings
    // history that the team's first sign-in fills (scripts/lib/history-filled.ts).
    const team = await contextFor(browser, admin.email);
    await historyFilled(APP, cookieHeader(await team.cookies(APP)));
    const teamPage = {
      path: "/team",
      selector: '[data-testid^="member-"]',
      route: "/api/team",
      inView: false,
    };
    const seededTeam = await renders(team, { ...teamPage, app: APP, runs: RUNS });
    const membersMs = await bulk("/_sandbox/team-members/bulk", {
      team_name: TEAM,
      count: MORE_MEMBERS,
    });
    const grownTeam = await renders(team, { ...teamPage, app: APP, runs: RUNS });
    const everyone = await allMembersShown(team, seededTeam.want + MORE_MEMBERS);
    await team.close();
    console.info(
      `bulk insert of ${MORE_MEMBERS} team members (sandbox route)   ${membersMs.toFixed(0)} ms; "Show more" reveals all ${everyone} rows`,
    );
    for (const [label, r] of [
      ["seeded team", seededTeam],
      [`team + ${MORE_MEMBERS}`, grownTeam],
    ] as const) {
      console.info(
        `team page, ${label}: ${r.want} rows; first row visible median ${med(r.loads, "first").toFixed(0)} ms (runs: ${ms(r.loads.map((l) => l.first))}); all rows median ${med(r.loads, "all").toFixed(0)} ms (runs: ${ms(r.loads.map((l) => l.all))})`,
      );
    }
    out.add(
      ...growthRows(
        "team page",
        { ...seededTeam, size: seededTeam.want },
        { ...grownTeam, size: grownTeam.want },
      ),
    );

    // The approval queue: ~10 pending, then ~500.
    const review = await contextFor(browser, reviewer.email);
    const queuePage = {
      path: "/approvals",
      selector: "[data-review]",
      route: "/api/transfer-requests/queue",
      inView: true,
    };
    const reviewerTeam = reviewer.teams.find((t) => t.team_name === TEAM)!;
    const client = await registerTestClient(PORTAL);
    const { access_token } = await passwordTokens({
      portalUrl: PORTAL,
      client,
      email: reviewer.email,
      teamId: reviewerTeam.team_id,
    });
    const bearer = { authorization: `Bearer ${access_token}` };
    await bulk("/_sandbox/transfer-requests/bulk", { count: SMALL });
    const smallQueue = await renders(review, { ...queuePage, app: APP, runs: RUNS });
    const smallJiko = await pendingStraight(bearer);
    const bulkMs = await bulk("/_sandbox/transfer-requests/bulk", { count: BULK - SMALL });
    const largeQueue = await renders(review, { ...queuePage, app: APP, runs: RUNS });
    const largeJiko = await pendingStraight(bearer);
    const waiting = waitingIn(largeQueue.text);
    if (!(waiting >= BULK))
      throw new Error(`the queue counts ${waiting}, expected at least ${BULK}`);
    const smallWaiting = waitingIn(smallQueue.text);
    out.add(
      ...growthRows(
        "approval queue",
        { ...smallQueue, size: smallWaiting },
        { ...largeQueue, size: waiting },
      ),
      figure(
        `pending requests straight from Jiko at ${waiting} (${largeJiko.pages} pages)`,
        largeJiko.ms,
        "ms",
        {
          baseline: smallJiko.ms,
          baselineLabel: `same at ${smallWaiting} (${smallJiko.pages} page${smallJiko.pages === 1 ? "" : "s"})`,
        },
      ),
      // The queue comes in the page's own response: a route figure only if the browser asked.
      ...(Number.isFinite(med(largeQueue.loads, "route"))
        ? [
            figure(
              `approval queue route at ${waiting} pending`,
              med(largeQueue.loads, "route"),
              "ms",
              {
                baseline: med(smallQueue.loads, "route"),
                baselineLabel: `same at ${smallWaiting} pending`,
              },
            ),
          ]
        : []),
    );

    const probe = await review.newPage();
    await probe.goto(`${APP}/approvals`);
    await probe.locator("[data-review]").first().waitFor({ timeout: 120_000 });
    await probe.waitForLoadState("networkidle");
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
    // Up to 20 presses, never past the last card drawn.
    const presses = Math.min(20, (await probe.locator("[data-review]").count()) - 1);
    for (let i = 0; i < presses; i++) {
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

    const { want, loads } = largeQueue;
    console.info(
      `bulk insert of ${BULK - SMALL} pending requests (sandbox route)   ${bulkMs.toFixed(0)} ms`,
    );
    for (const [label, r, n] of [
      ["small", smallQueue, smallWaiting],
      ["large", largeQueue, waiting],
    ] as const) {
      console.info(
        `queue of ${n} (${label}), first card visible   median ${med(r.loads, "first").toFixed(0)} ms   (runs: ${ms(r.loads.map((l) => l.first))})`,
      );
    }
    console.info(
      `queue of ${waiting}, its first ${want} cards drawn   median ${med(loads, "all").toFixed(0)} ms   (runs: ${ms(loads.map((l) => l.all))})`,
    );
    console.info(
      `pending requests straight from Jiko: ${smallWaiting} in ${smallJiko.pages} page(s) median ${smallJiko.ms.toFixed(0)} ms; ${waiting} in ${largeJiko.pages} pages median ${largeJiko.ms.toFixed(0)} ms`,
    );
    if (Number.isFinite(med(loads, "route")))
      console.info(
        `queue route response        median ${med(loads, "route").toFixed(0)} ms   (runs: ${ms(loads.flatMap((l) => (l.route === undefined ? [] : [l.route])))}; resource timing)`,
      );
    console.info(
      `queue, longest main-thread task during load   median ${med(loads, "longest").toFixed(0)} ms   (runs: ${ms(loads.map((l) => l.longest))})`,
    );
    console.info(
      `queue, key j (next card), ${presses} presses   median ${median(keys).toFixed(0)} ms, max ${Math.max(...keys).toFixed(0)} ms (Playwright round trip included; focus ended on card ${afterJ + 1})`,
    );
    console.info(`queue, scroll to the bottom and next frame   ${scrollMs.toFixed(0)} ms`);
    const seen: number[] = [];
    if (APPROVALS > 0) {
      // Approvals seen by the initiator: their list open (it re-reads while requests are pending).
      const mine = await (await contextFor(browser, initiator.email)).newPage();
      await mine.goto(`${APP}/transfers?view=mine`);
      await mine.getByTestId("request-row").first().waitFor({ timeout: 60_000 });
      const queue = await review.newPage();
      await queue.goto(`${APP}/approvals`);
      for (let i = 0; i < APPROVALS; i++) {
        // A request the initiator's open page shows: with hundreds queued, the queue's oldest
        // (its first card) is far past the first page of their newest-first list.
        const onTheirPage = await mine
          .getByTestId("request-row")
          .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")));
        const card = queue
          .locator(onTheirPage.map((id) => `[data-review][data-id="${id}"]`).join(", "))
          .filter({ has: queue.locator("button:enabled", { hasText: /^Approve$/ }) })
          .first();
        // The queue draws a page of cards at a time, oldest first: the initiator's newest are further on.
        const more = queue.getByRole("button", { name: /^Show \d+ more/ });
        await queue.locator("[data-review]").first().waitFor({ timeout: 60_000 });
        // Each "Show more" asks the dashboard for a longer head of the queue: wait for it.
        while ((await card.count()) === 0 && (await more.count()) > 0) {
          const drawn = await queue.locator("[data-review]").count();
          await more.click();
          await queue.waitForFunction(
            (n) => document.querySelectorAll("[data-review]").length > n,
            drawn,
            { timeout: 60_000 },
          );
        }
        // Each approval leaves one fewer request this reviewer may approve on the initiator's
        // first page: past the last, the figure is the approvals measured so far.
        await card.waitFor({ timeout: 5_000 }).catch(() => undefined);
        if ((await card.count()) === 0) {
          console.info(
            `approvals measured: ${i} of ${APPROVALS} (no other request on the initiator's first page awaits this reviewer)`,
          );
          break;
        }
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
    }
    await browser.close();

    if (seen.length) {
      console.info(
        `approve → initiator sees "Approved"   median ${median(seen).toFixed(0)} ms   (runs: ${ms(seen)})`,
      );
      out.add(figure('approve → initiator sees "Approved"', median(seen), "ms"));
    }
    console.info(`screenshot of /approvals: ${SCREENSHOT}`);
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
