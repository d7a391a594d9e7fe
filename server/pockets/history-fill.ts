import "server-only";
import { type JikoClient, JikoError } from "../jiko";
import { reserve } from "../jiko/pacer";
import { log } from "../log";
import { processWide } from "../process-wide";
import {
  cachedPeriods,
  closedPeriodInFlight,
  fetchClosedPeriod,
  type Period,
  periodKey,
} from "./earnings-periods";

/**
 * Closed months of earnings are facts about a pocket, so they are filled once per team, in the
 * background, and kept in the dashboard's database for every person of it. Each person signed in
 * lends their own rate budget: a worker per person takes periods from the team's queue (oldest
 * first, so the months shown are always a true beginning of the history), only as many at a time
 * as the pacer's background share allows.
 */
interface TeamFill {
  queue: Period[];
  queued: Set<string>;
  workers: Map<string, Promise<void>>;
  stopped: boolean;
}
const fills = processWide("history-fill:teams", () => new Map<string, TeamFill>());

/** Periods per batch: Jiko is one service, and the pacer already bounds the total. */
const BATCH = 4;
/** How often a worker out of budget looks again (the pacer's window slides). */
const IDLE_MS = 1_000;
/** A worker gives up after this long; the next read or sign-in starts another. */
const MAX_WORKER_MS = 15 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The team's fill is keyed by its pockets: the same pockets, the same facts. */
export const fillKey = (pocketIds: readonly string[]) => [...new Set(pocketIds)].sort().join(",");

/** Whether a fill is still working through these pockets' history. */
export const historyFilling = (pocketIds: readonly string[]) => {
  const fill = fills.get(fillKey(pocketIds));
  return Boolean(fill && fill.workers.size > 0);
};

/**
 * Queues the closed periods not yet in the database and makes sure this person has a worker on
 * them. Answers at once, with the worker's completion as `done` (tests may await it).
 */
export async function startHistoryFill(
  userId: string,
  jiko: JikoClient,
  closed: Period[],
): Promise<{ done: Promise<void> }> {
  const pocketIds = closed.map((p) => p.pocketId);
  const key = fillKey(pocketIds);
  const known = await cachedPeriods(pocketIds);
  let fill = fills.get(key);
  if (!fill) {
    fill = { queue: [], queued: new Set(), workers: new Map(), stopped: false };
    fills.set(key, fill);
  }
  const team = fill;
  for (const p of closed) {
    const k = periodKey(p);
    if (known.has(k) || team.queued.has(k) || closedPeriodInFlight(p)) continue;
    team.queue.push(p);
    team.queued.add(k);
  }
  team.queue.sort((a, b) => a.from.localeCompare(b.from) || a.pocketId.localeCompare(b.pocketId));
  const running = team.workers.get(userId);
  if (running) return { done: running };
  if (!team.queue.length) return { done: Promise.resolve() };
  const worker = work(userId, jiko, team).finally(() => {
    team.workers.delete(userId);
    if (!team.workers.size && (!team.queue.length || team.stopped)) fills.delete(key);
  });
  team.workers.set(userId, worker);
  return { done: worker };
}

async function work(userId: string, jiko: JikoClient, team: TeamFill): Promise<void> {
  const started = Date.now();
  while (team.queue.length && !team.stopped && Date.now() - started < MAX_WORKER_MS) {
    const granted = reserve(userId, "pockets", Math.min(BATCH, team.queue.length));
    if (granted === 0) {
      await sleep(IDLE_MS);
      continue;
    }
    const batch = team.queue.splice(0, granted);
    const results = await Promise.allSettled(batch.map((p) => fetchClosedPeriod(jiko, p)));
    const failed = batch.filter((_, i) => results[i]?.status === "rejected");
    for (const p of batch) if (!failed.includes(p)) team.queued.delete(periodKey(p));
    if (!failed.length) continue;
    // Back in the queue for whoever can still ask; a refusal or an ended session ends this worker.
    team.queue.unshift(...failed);
    const error = (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason;
    const passing =
      error instanceof JikoError && (error.code === "rate-limited" || error.code === "unavailable");
    if (!passing) {
      log.warn({ userId, err: String(error) }, "earnings history fill stopped");
      return;
    }
    await sleep(Math.max(IDLE_MS, (error.retryAfterSeconds ?? 0) * 1000));
  }
}

/** Stops every worker on these pockets' history (tests; a team whose pockets went away). */
export async function stopHistoryFill(pocketIds: readonly string[]): Promise<void> {
  const fill = fills.get(fillKey(pocketIds));
  if (!fill) return;
  fill.stopped = true;
  await Promise.allSettled(fill.workers.values());
  fills.delete(fillKey(pocketIds));
}
