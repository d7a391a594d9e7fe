import "server-only";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { JikoEvent } from "@/lib/jiko/events";
import { db } from "../db";
import type { Db } from "../db/client";
import { jikoEvents } from "../db/schema";

export interface StoredEvent {
  seq: number;
  eventId: string;
  customerId: string;
  eventType: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

const toStored = (r: typeof jikoEvents.$inferSelect): StoredEvent => ({
  seq: r.seq,
  eventId: r.eventId,
  customerId: r.customerId,
  eventType: r.eventType,
  occurredAt: r.occurredAt.toISOString(),
  payload: r.payload as Record<string, unknown>,
});

/**
 * Stores an event once by its id: a second delivery of the same event (Jiko's retry, a replay,
 * the poller finding what a webhook brought) returns null and is not processed again.
 */
export async function storeEvent(
  e: JikoEvent & { customer_id: string },
  source: "webhook" | "poll",
  database: Db = db(),
): Promise<StoredEvent | null> {
  const [row] = await database
    .insert(jikoEvents)
    .values({
      eventId: e.event_id,
      customerId: e.customer_id,
      eventType: e.event_type,
      occurredAt: new Date(e.timestamp),
      payload: e.payload,
      source,
    })
    .onConflictDoNothing({ target: jikoEvents.eventId })
    .returning();
  return row ? toStored(row) : null;
}

/** What a reconnecting page missed: the customer's events after `seq`, oldest first. */
export async function eventsAfter(
  customerId: string,
  seq: number,
  limit = 200,
  database: Db = db(),
): Promise<StoredEvent[]> {
  const rows = await database
    .select()
    .from(jikoEvents)
    .where(and(eq(jikoEvents.customerId, customerId), gt(jikoEvents.seq, seq)))
    .orderBy(asc(jikoEvents.seq))
    .limit(limit);
  return rows.map(toStored);
}

export async function eventBySeq(seq: number, database: Db = db()): Promise<StoredEvent | null> {
  const [row] = await database.select().from(jikoEvents).where(eq(jikoEvents.seq, seq)).limit(1);
  return row ? toStored(row) : null;
}

/** The newest event's seq for a customer (0 when none): where a freshly opened page starts. */
export async function latestSeq(customerId: string, database: Db = db()): Promise<number> {
  const [row] = await database
    .select({ seq: jikoEvents.seq })
    .from(jikoEvents)
    .where(eq(jikoEvents.customerId, customerId))
    .orderBy(desc(jikoEvents.seq))
    .limit(1);
  return row?.seq ?? 0;
}

/** Drops events older than the replay window (kept so duplicates within it are still known). */
export async function pruneEvents(olderThanHours: number, database: Db = db()) {
  await database
    .delete(jikoEvents)
    .where(sql`${jikoEvents.receivedAt} < now() - make_interval(hours => ${olderThanHours})`);
}
