import "server-only";
import type { TransferRequest } from "@/lib/jiko/transfers";
import type { JikoClient } from "../jiko";
import { allPockets } from "../pockets/all-pockets";
import { processWide } from "../process-wide";
import type { Viewer } from "../viewer";
import { allTransferRequests } from "./lists";

/** Past this many pockets, one walk per pocket would cost more calls than it saves waiting. */
const MAX_FAN_OUT = 8;

/**
 * Every pending request, newest first. Up to 100 come in Jiko's first page. Past that, Jiko's
 * cursor would take one call after another (6 at 500), so the rest is read one walk per pocket,
 * side by side (Jiko filters by origin pocket): three rounds of calls at any size, not one per
 * hundred. A request leaves from one of the customer's pockets and Jiko lists every pocket
 * whatever its status, so the walks together hold every pending request.
 */
export async function readPendingRequests(jiko: JikoClient): Promise<TransferRequest[]> {
  const first = await jiko.transferRequests({ status: "PENDING", limit: 100 });
  if (!first.next_page) return first.items;
  const pockets = await allPockets(jiko);
  if (pockets.length > MAX_FAN_OUT) return allTransferRequests(jiko, { status: "PENDING" });
  const lists = await Promise.all(
    pockets.map((p) => allTransferRequests(jiko, { status: "PENDING", origin_pocket_id: p.id })),
  );
  const byId = new Map(lists.flat().map((r) => [r.id, r]));
  return [...byId.values()].sort(
    (a, b) => Date.parse(b.time_created) - Date.parse(a.time_created) || b.id.localeCompare(a.id),
  );
}

/**
 * A team's pending transfer requests, as one person reads them (`readPendingRequests`, several
 * Jiko calls at 500 pending). The approval queue, the new-transfer
 * form and a new request's check always read them anew; the navigation's awaiting count, asked
 * by the browser as each page has loaded, takes the list such a read got in the last
 * `REUSE_MS`, or joins one under way. Without this, a load of /approvals walked the list twice
 * (the queue, then the count), and with 500 pending the count's 6 calls competed with the next
 * page's reads at Jiko. The cost: a count may be up to `REUSE_MS` older than Jiko's list when
 * someone else acts meanwhile; a request made, cancelled or decided from this dashboard drops the
 * team's lists at once (`forgetPendingRequests`).
 */
const REUSE_MS = 2_000;

interface Walk {
  list: Promise<TransferRequest[]>;
  /** When the walk finished; undefined while under way. */
  settledAt?: number;
}

const walks = processWide("transfers:pending-walks", () => new Map<string, Walk>());

const keyOf = (viewer: Viewer) => `${viewer.customerId}:${viewer.memberId}`;

/** Forgets finished walks past their reuse, so the map holds only lists a count may still take. */
function sweep(now: number) {
  for (const [key, walk] of walks) {
    if (walk.settledAt !== undefined && now - walk.settledAt >= REUSE_MS) walks.delete(key);
  }
}

/** Every pending request, read from Jiko now; a count asked meanwhile or just after shares it. */
export function pendingRequests(viewer: Viewer, now = Date.now): Promise<TransferRequest[]> {
  const key = keyOf(viewer);
  const walk: Walk = { list: readPendingRequests(viewer.jiko) };
  walks.set(key, walk);
  walk.list.then(
    () => {
      walk.settledAt = now();
    },
    () => {
      // A failed read is never handed to a count: the next asks Jiko itself.
      if (walks.get(key) === walk) walks.delete(key);
    },
  );
  return walk.list;
}

/** The pending requests from a read under way or just finished, else read now. */
export function recentPendingRequests(viewer: Viewer, now = Date.now): Promise<TransferRequest[]> {
  sweep(now());
  return walks.get(keyOf(viewer))?.list ?? pendingRequests(viewer, now);
}

/** After a request is made, cancelled or decided: the team's next count reads Jiko anew. */
export function forgetPendingRequests(customerId: string): void {
  for (const key of walks.keys()) if (key.startsWith(`${customerId}:`)) walks.delete(key);
}
