import "server-only";
import { createHash } from "node:crypto";
import { subscribeAll } from "./live/bus";
import { log } from "./log";

/**
 * Who a session's person is at Jiko (person, role, team, memberships, capabilities), kept briefly
 * so a request costs its own Jiko call and not two more (the person, their memberships). Jiko stays the authority: every route
 * still calls Jiko with the person's own token, and an entry is dropped on any 401/403 from Jiko
 * in that session, on team switch and sign-out, and on every `team.*` event of its customer.
 *
 * TTL 30 s, the cost of the choice: a role or status changed at Jiko normally arrives as a team
 * event (webhook, or the poller while a page is open) and drops the entries at once; a change
 * made from this dashboard drops them as it succeeds. The TTL bounds the rest (no webhook and no
 * open page, a lost event): up to 30 s of showing the old role, while Jiko still refuses what the
 * role no longer allows. 30 s is also how stale the client lets its own data get (React Query's
 * staleTime); a longer TTL saves little, since a page makes its requests within seconds.
 */
export const VIEWER_TTL_MS = 30_000;
/** Each entry is a few hundred bytes; this bounds the cache to a few MiB per instance. */
export const VIEWER_CACHE_MAX = 5_000;

interface Entry<V> {
  /** Which grant the facts were read with: a team switch binds a new grant to the same session. */
  grant: string;
  customerId: string;
  value: V;
  expiresAt: number;
}

/** A fingerprint of the access token, so a replaced grant misses without keeping the token. */
export const grantFingerprint = (accessToken: string) =>
  createHash("sha256").update(accessToken).digest("base64url").slice(0, 22);

/**
 * Entries keyed by session token, least recently used evicted first once full (a Map keeps
 * insertion order; a hit re-inserts its key). An entry answers only for the grant it was read
 * with and only until its TTL.
 */
export class ViewerCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly opts: { ttlMs: number; max: number; now?: () => number } = {
      ttlMs: VIEWER_TTL_MS,
      max: VIEWER_CACHE_MAX,
    },
  ) {}

  private now() {
    return this.opts.now?.() ?? Date.now();
  }

  get size() {
    return this.entries.size;
  }

  get(sessionToken: string, grant: string): V | undefined {
    const entry = this.entries.get(sessionToken);
    if (!entry) return undefined;
    if (entry.grant !== grant || entry.expiresAt <= this.now()) {
      this.entries.delete(sessionToken);
      return undefined;
    }
    this.entries.delete(sessionToken);
    this.entries.set(sessionToken, entry);
    return entry.value;
  }

  set(sessionToken: string, grant: string, customerId: string, value: V): void {
    this.entries.delete(sessionToken);
    this.entries.set(sessionToken, {
      grant,
      customerId,
      value,
      expiresAt: this.now() + this.opts.ttlMs,
    });
    while (this.entries.size > this.opts.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** The cached value, else `load()`'s, stored unless the session was dropped meanwhile. */
  async resolve(
    sessionToken: string,
    grant: string,
    load: () => Promise<{ customerId: string; value: V }>,
  ): Promise<V> {
    const hit = this.get(sessionToken, grant);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const loaded = await load();
    // A drop that happened while Jiko answered may concern what was just read: keep nothing.
    if (generation === this.generation) {
      this.set(sessionToken, grant, loaded.customerId, loaded.value);
    }
    return loaded.value;
  }

  private generation = 0;

  forget(sessionToken: string): void {
    this.generation++;
    this.entries.delete(sessionToken);
  }

  forgetCustomer(customerId: string): number {
    this.generation++;
    let dropped = 0;
    for (const [token, entry] of this.entries) {
      if (entry.customerId === customerId) {
        this.entries.delete(token);
        dropped++;
      }
    }
    if (dropped) log.debug({ customerId, dropped }, "team changed: cached viewers dropped");
    return dropped;
  }
}

/** Jiko's answers that say this session's person may no longer be who the cache remembers. */
export const REFUSALS: ReadonlySet<string> = new Set(["reauth-required", "forbidden"]);

/** Team events change a role, a status or a membership: every cached viewer of the customer goes. */
export const isTeamEvent = (eventType: string) => eventType.startsWith("team.");

/**
 * Drops a customer's cached viewers whenever one of its team events reaches this instance: the
 * bus hands every instance each event, whether a webhook or the polling fallback brought it.
 */
export function dropOnTeamEvents<V>(cache: ViewerCache<V>): Promise<() => void> {
  return subscribeAll((event) => {
    if (isTeamEvent(event.eventType)) cache.forgetCustomer(event.customerId);
  });
}

const holder = globalThis as unknown as { __tdViewerCache?: ViewerCache<unknown> };

/** This instance's cache, listening for team events from its first use. */
export function viewerCache<V>(): ViewerCache<V> {
  if (!holder.__tdViewerCache) {
    const cache = new ViewerCache<unknown>();
    holder.__tdViewerCache = cache;
    dropOnTeamEvents(cache).catch((err) =>
      log.warn({ err }, "cached viewers will not hear team events; they lapse with their TTL"),
    );
  }
  return holder.__tdViewerCache as ViewerCache<V>;
}

/** Drops a session's cached viewer on this instance, if it has one (sign-out, a session ended). */
export function forgetCachedViewer(sessionToken: string): void {
  holder.__tdViewerCache?.forget(sessionToken);
}
