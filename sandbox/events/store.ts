/**
 * The events store: `emitEvent` records what happened inside the caller's transaction and owes
 * one delivery to each enabled subscription of the customer that asked for that event type. The
 * delivery worker (delivery.ts) sends them once the transaction has committed.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { EventPayload, EventType } from "../../lib/jiko/events";
import type { DbOrTx } from "../db/open";
import { deliveries, events, subscriptions } from "../db/schema";

/** Running delivery workers of this process, woken when something is emitted. */
const wakers = new Set<() => void>();
/** Seeding turns emission off: the seed's history is not news to any subscriber. */
let muted = 0;

/** False while seeding: nothing is emitted or notified. */
export const isEmitting = () => muted === 0;

export function onEmitted(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

/** Runs `fn` with emission off (the seed). */
export async function withoutEvents<T>(fn: () => Promise<T>): Promise<T> {
  muted++;
  try {
    return await fn();
  } finally {
    muted--;
  }
}

export async function emitEvent(
  tx: DbOrTx,
  e: { customerId: string; type: EventType; payload: EventPayload; id?: string },
): Promise<string | undefined> {
  if (muted > 0) return undefined;
  const id = e.id ?? randomUUID();
  // The real wall-clock time, not the sandbox clock's (which may be days ahead): deliveries are
  // real HTTP calls and receivers reject a stale or future `timestamp`.
  const at = new Date();
  await tx
    .insert(events)
    .values({ id, customerId: e.customerId, type: e.type, payload: e.payload, timestamp: at });
  const subs = await tx
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.customerId, e.customerId),
        eq(subscriptions.status, "enabled"),
        isNull(subscriptions.deletedAt),
        sql`${subscriptions.events} @> ${JSON.stringify([e.type])}::jsonb`,
      ),
    );
  if (subs.length) {
    await tx
      .insert(deliveries)
      .values(
        subs.map((s) => ({ eventId: id, subscriptionId: s.id, state: "pending", nextAt: at })),
      );
    // After the caller's transaction commits (a few ms); the worker's poll covers a slow one.
    setTimeout(() => {
      for (const wake of wakers) wake();
    }, 5).unref();
  }
  return id;
}
