import "server-only";
import type { TransferRequest } from "@/lib/jiko/transfers";
import { processWide } from "../process-wide";
import type { Viewer } from "../viewer";
import { allTransferRequests } from "./lists";

/**
 * A team's pending transfer requests, as one person reads them. Jiko lists them newest first, 100
 * a page, so 500 pending cost 6 calls one after the other. The approval queue and the
 * new-transfer form always read them anew. The navigation's awaiting count, asked by the browser
 * once each page has loaded, takes the list such a read got in the last `REUSE_MS`, or joins one
 * under way: a load of /approvals read the list twice before (the queue, then the count), and at
 * 500 pending the count's 6 calls competed at Jiko with the next page's reads. The cost: a count
 * may be up to `REUSE_MS` older than Jiko's list when someone else acts meanwhile; a request
 * made, cancelled or decided from this dashboard drops the team's lists at once (the session's
 * Jiko client calls `forgetPendingRequests` after each such call: server/viewer.ts).
 */
const REUSE_MS = 2_000;

interface Walk {
  list: Promise<TransferRequest[]>;
  /** When the walk finished; undefined while under way. */
  settledAt?: number;
}

const walks = processWide("transfers:pending-walks", () => new Map<string, Walk>());

const keyOf = (viewer: Viewer) => `${viewer.customerId}:${viewer.memberId}`;

/**
 * Forgets finished walks past their reuse (at every read and count), so the map holds only lists
 * a count may still take.
 */
function sweep(now: number) {
  for (const [key, walk] of walks) {
    if (walk.settledAt !== undefined && now - walk.settledAt >= REUSE_MS) walks.delete(key);
  }
}

/** Every pending request, read from Jiko now; a count asked meanwhile or just after shares it. */
export function pendingRequests(viewer: Viewer, now = Date.now): Promise<TransferRequest[]> {
  sweep(now());
  const key = keyOf(viewer);
  const walk: Walk = { list: allTransferRequests(viewer.jiko, { status: "PENDING" }) };
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
