import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "../db";
import type { Db } from "../db/client";
import { env } from "../env";
import type { JikoClient } from "../jiko";
import { JikoError } from "../jiko";
import { log } from "../log";
import { publish } from "./bus";
import { storeEvent } from "./events-store";
import { liveModeFor } from "./secrets";

/**
 * The fallback where no webhook reaches the dashboard: while someone of a customer has a page
 * open on this instance, read Jiko's events list every LIVE_POLL_MS with one of their sessions,
 * store what is new (once, by event id, as webhooks are) and fan it out. One instance polls a
 * customer at a time: a short lease on its row, taken in one UPDATE, lapsing by itself.
 */

/** Events may commit a moment after their timestamp: each read goes back this far (deduped). */
const OVERLAP_MS = 5_000;
const PAGES_PER_TICK = 5;
const INSTANCE = randomUUID();

interface Watch {
  clients: Set<JikoClient>;
  timer: NodeJS.Timeout;
  busy: boolean;
}
const holder = globalThis as unknown as { __tdPollers?: Map<string, Watch> };
holder.__tdPollers ??= new Map();
const watches = holder.__tdPollers;

/** Keeps the customer's events read while the returned function has not been called. */
export function watchCustomer(customerId: string, jiko: JikoClient): () => void {
  let w = watches.get(customerId);
  if (!w) {
    const created: Watch = {
      clients: new Set(),
      busy: false,
      timer: setInterval(() => void tick(customerId, created), env().LIVE_POLL_MS),
    };
    created.timer.unref();
    watches.set(customerId, created);
    w = created;
  }
  w.clients.add(jiko);
  const watch = w;
  return () => {
    watch.clients.delete(jiko);
    if (watch.clients.size === 0) {
      clearInterval(watch.timer);
      watches.delete(customerId);
    }
  };
}

async function tick(customerId: string, w: Watch) {
  if (w.busy) return;
  w.busy = true;
  try {
    if ((await liveModeFor(customerId)) === "webhook") return;
    const jiko = w.clients.values().next().value;
    if (!jiko) return;
    try {
      await pollOnce(customerId, jiko);
    } catch (error) {
      if (error instanceof JikoError && ["reauth-required", "forbidden"].includes(error.code)) {
        // This person's session can no longer read events: another open page's may.
        w.clients.delete(jiko);
      }
      log.warn({ err: error, customerId }, "polling Jiko's events failed");
    }
  } finally {
    w.busy = false;
  }
}

/** One read of the events list under the lease; returns how many new events it stored. */
export async function pollOnce(
  customerId: string,
  jiko: Pick<JikoClient, "events">,
  database: Db = db(),
): Promise<number> {
  const lease = await takeLease(customerId, database);
  if (!lease) return 0;
  if (!lease.readUpTo) {
    // First read for this customer: start from now, not from Jiko's whole history.
    await saveReadUpTo(customerId, new Date(), database);
    return 0;
  }
  const after = new Date(lease.readUpTo.getTime() - OVERLAP_MS).toISOString();
  let newest = lease.readUpTo;
  let stored = 0;
  let cursor = "";
  for (let page = 0; page < PAGES_PER_TICK; page++) {
    const list = await jiko.events({ after, order: "asc", limit: 100, cursor });
    for (const item of list.items) {
      const at = new Date(item.event.timestamp);
      if (at > newest) newest = at;
      const event = await storeEvent({ ...item.event, customer_id: customerId }, "poll", database);
      if (event) {
        stored++;
        await publish(event);
      }
    }
    if (!list.next_page || list.items.length === 0) break;
    cursor = list.next_page;
  }
  await saveReadUpTo(customerId, newest, database);
  return stored;
}

async function takeLease(customerId: string, database: Db) {
  await database.execute(
    sql`INSERT INTO event_polls (customer_id) VALUES (${customerId}) ON CONFLICT DO NOTHING`,
  );
  const result = await database.execute(sql`
    UPDATE event_polls
       SET lease_holder = ${INSTANCE},
           lease_until = now() + make_interval(secs => ${Math.max(3, (env().LIVE_POLL_MS * 3) / 1000)}),
           last_polled_at = now()
     WHERE customer_id = ${customerId}
       AND (lease_until IS NULL OR lease_until < now() OR lease_holder = ${INSTANCE})
     RETURNING read_up_to`);
  const rows = (result as unknown as { rows: { read_up_to: string | Date | null }[] }).rows;
  if (rows.length === 0) return null;
  const raw = rows[0]!.read_up_to;
  return { readUpTo: raw ? new Date(raw) : null };
}

async function saveReadUpTo(customerId: string, at: Date, database: Db) {
  await database.execute(
    sql`UPDATE event_polls SET read_up_to = ${at.toISOString()} WHERE customer_id = ${customerId}`,
  );
}
