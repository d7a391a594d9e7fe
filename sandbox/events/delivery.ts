/**
 * The delivery worker: sends each owed delivery as a signed POST (lib/jiko/events.ts), records
 * every attempt and retries failures per the subscription's retry policy, in real time.
 *
 * Woken in process when an event is emitted, and polling due rows every `pollMs`. One chain per
 * subscription at a time, taking its due deliveries oldest first, a few at once; no transaction
 * is held across an HTTP call. A subscription disabled or deleted before an attempt gets nothing
 * more: its owed deliveries are dropped. One worker per database (the sandbox owns its data
 * folder).
 */
import { createHmac, randomUUID } from "node:crypto";
import { and, asc, eq, lte } from "drizzle-orm";
import {
  DEFAULT_RETRY_POLICY,
  RetryPolicy,
  retryDelaySeconds,
  SIGNATURE_HEADER,
  shouldRetry,
  type WebhookDelivery,
} from "../../lib/jiko/events";
import type { SandboxDb } from "../db/open";
import { deliveries, deliveryAttempts, events, subscriptions } from "../db/schema";
import type { Logger } from "../log";
import { onEmitted } from "./store";

export const DELIVERY_DEADLINE_MS = 5_000;
/**
 * Deliveries in flight at once per subscription. INFERRED: Jiko documents no delivery order (each
 * envelope carries its id and timestamp), and one approval emits several events at once: sent one
 * by one, a receiver slow to answer put every later event behind it, seconds more per approval.
 */
export const DELIVERIES_IN_FLIGHT = 4;

/** base64(HMAC-SHA256(secret, body)): what `x-jiko-signature` carries. */
export const signBody = (secret: string, body: string | Buffer) =>
  createHmac("sha256", secret).update(body).digest("base64");

export interface DeliveryWorker {
  wake(): void;
  stop(): Promise<void>;
}

export function startDeliveryWorker(o: {
  db: SandboxDb;
  log: Logger;
  pollMs?: number;
  /** Work done on each tick before deliveries (emissions due on the sandbox clock). */
  sweep?: () => Promise<void>;
}): DeliveryWorker {
  const { db, log } = o;
  const busy = new Map<string, Promise<void>>();
  let stopped = false;
  let ticking: Promise<void> | undefined;
  let again = false;

  /** Drains waiting for a free slot also look again on every tick (an event emitted, a poll). */
  let pokes: (() => void)[] = [];
  const poke = () => {
    const waiting = pokes;
    pokes = [];
    for (const resolve of waiting) resolve();
  };
  const nextPoke = () => new Promise<void>((resolve) => pokes.push(resolve));

  const tick = async () => {
    poke();
    if (o.sweep) await o.sweep().catch((err) => log.error({ err }, "event sweep failed"));
    const due = await db
      .select({ subscriptionId: deliveries.subscriptionId })
      .from(deliveries)
      .where(and(eq(deliveries.state, "pending"), lte(deliveries.nextAt, new Date())))
      .orderBy(asc(deliveries.seq));
    for (const { subscriptionId } of due) {
      if (stopped || busy.has(subscriptionId)) continue;
      const chain = drain(subscriptionId)
        .catch((err) => log.error({ err, subscriptionId }, "webhook delivery failed"))
        .finally(() => busy.delete(subscriptionId));
      busy.set(subscriptionId, chain);
    }
  };

  const run = () => {
    if (stopped) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = tick()
      .catch((err) => log.error({ err }, "delivery tick failed"))
      .finally(() => {
        ticking = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };

  /**
   * The subscription's due deliveries, oldest event first, up to DELIVERIES_IN_FLIGHT at once: a
   * slot freed or a new event due starts the next one.
   */
  async function drain(subscriptionId: string) {
    const inFlight = new Map<string, Promise<void>>();
    while (!stopped) {
      const due = await db
        .select()
        .from(deliveries)
        .where(
          and(
            eq(deliveries.subscriptionId, subscriptionId),
            eq(deliveries.state, "pending"),
            lte(deliveries.nextAt, new Date()),
          ),
        )
        .orderBy(asc(deliveries.seq))
        .limit(DELIVERIES_IN_FLIGHT + inFlight.size);
      const free = DELIVERIES_IN_FLIGHT - inFlight.size;
      for (const d of due.filter((d) => !inFlight.has(d.id)).slice(0, free)) {
        inFlight.set(
          d.id,
          attempt(d)
            .catch((err) => log.error({ err, deliveryId: d.id }, "webhook delivery failed"))
            .finally(() => inFlight.delete(d.id)),
        );
      }
      if (inFlight.size === 0) return;
      await Promise.race([...inFlight.values(), nextPoke()]);
    }
    await Promise.all(inFlight.values());
  }

  async function attempt(d: typeof deliveries.$inferSelect) {
    const [sub] = await db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, d.subscriptionId));
    if (sub?.status !== "enabled" || sub.deletedAt) {
      await db.update(deliveries).set({ state: "dropped" }).where(eq(deliveries.id, d.id));
      return;
    }
    const [e] = await db.select().from(events).where(eq(events.id, d.eventId));
    if (!e) {
      await db.update(deliveries).set({ state: "dropped" }).where(eq(deliveries.id, d.id));
      return;
    }
    const envelope: WebhookDelivery = {
      event_id: e.id,
      event_type: e.type,
      timestamp: e.timestamp.toISOString(),
      payload: e.payload,
      customer_id: e.customerId,
    };
    const body = JSON.stringify(envelope);
    const calledAt = new Date();
    const started = performance.now();
    let code = 0;
    let message: string;
    try {
      const res = await fetch(sub.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [SIGNATURE_HEADER]: signBody(sub.sharedSecret, body),
        },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(DELIVERY_DEADLINE_MS),
      });
      code = res.status;
      message = (await res.text().catch(() => "")).slice(0, 200) || res.statusText || String(code);
    } catch (err) {
      const name = (err as Error).name;
      message =
        name === "TimeoutError"
          ? `No answer within ${DELIVERY_DEADLINE_MS / 1000} s`
          : `Connection failed: ${((err as Error & { cause?: Error }).cause ?? (err as Error)).message}`.slice(
              0,
              200,
            );
    }
    const latency = Math.round(performance.now() - started);
    const success = code >= 200 && code < 300;
    const n = d.attempts + 1;
    const parsed = RetryPolicy.safeParse(sub.retryPolicy);
    const policy = parsed.success ? parsed.data : DEFAULT_RETRY_POLICY;
    const retry = !success && shouldRetry(policy, n, code);
    await db.transaction(async (tx) => {
      await tx.insert(deliveryAttempts).values({
        id: randomUUID(),
        eventId: e.id,
        subscriptionId: sub.id,
        success: success ? 1 : 0,
        responseCode: code,
        responseMessage: message,
        calledAt,
        latencyMs: latency,
      });
      await tx
        .update(deliveries)
        .set({
          attempts: n,
          state: success ? "delivered" : retry ? "pending" : "failed",
          nextAt: retry ? new Date(Date.now() + retryDelaySeconds(policy, n) * 1000) : d.nextAt,
        })
        .where(eq(deliveries.id, d.id));
    });
    if (retry) {
      const t = setTimeout(run, retryDelaySeconds(policy, n) * 1000 + 5);
      t.unref();
    }
  }

  const unsubscribe = onEmitted(run);
  const timer = setInterval(run, o.pollMs ?? 250);
  timer.unref();
  run();

  return {
    wake: run,
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      poke();
      await ticking;
      await Promise.all(busy.values());
    },
  };
}
