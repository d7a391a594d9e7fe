import "server-only";
import { and, eq } from "drizzle-orm";
import { decryptSecret, encryptSecret } from "../crypto";
import { db } from "../db";
import type { Db } from "../db/client";
import { webhookSecrets } from "../db/schema";
import { authSecrets, env } from "../env";
import { log } from "../log";
import { processWide } from "../process-wide";

/** Where Jiko delivers to reach this dashboard: WEBHOOK_URL, else APP_URL's webhook route. */
export function ownWebhookUrl(): string {
  const e = env();
  return e.WEBHOOK_URL ?? `${e.APP_URL}/api/webhooks/jiko`;
}

/**
 * Remembers a subscription's shared secret when its URL is this dashboard's own: the only
 * deliveries we can verify. Another URL's secret is shown once to the admin and never kept.
 */
export async function rememberSubscription(
  s: { subscriptionId: string; customerId: string; url: string; secret: string; enabled: boolean },
  database: Db = db(),
): Promise<boolean> {
  if (s.url !== ownWebhookUrl()) return false;
  const sealed = encryptSecret(s.secret, authSecrets(env()));
  await database
    .insert(webhookSecrets)
    .values({
      subscriptionId: s.subscriptionId,
      customerId: s.customerId,
      url: s.url,
      secretSealed: sealed,
      enabled: s.enabled ? 1 : 0,
    })
    .onConflictDoUpdate({
      target: webhookSecrets.subscriptionId,
      set: { url: s.url, secretSealed: sealed, enabled: s.enabled ? 1 : 0 },
    });
  modeCache.clear();
  return true;
}

/** After a change made from the dashboard: URL moved away, enabled or disabled. */
export async function updateRememberedSubscription(
  subscriptionId: string,
  change: { url?: string; enabled?: boolean; secret?: string },
  database: Db = db(),
): Promise<void> {
  if (change.url !== undefined && change.url !== ownWebhookUrl()) {
    await forgetSubscription(subscriptionId, database);
    return;
  }
  const set: Partial<typeof webhookSecrets.$inferInsert> = {};
  if (change.enabled !== undefined) set.enabled = change.enabled ? 1 : 0;
  if (change.secret !== undefined)
    set.secretSealed = encryptSecret(change.secret, authSecrets(env()));
  if (Object.keys(set).length === 0) return;
  await database
    .update(webhookSecrets)
    .set(set)
    .where(eq(webhookSecrets.subscriptionId, subscriptionId));
  modeCache.clear();
}

export async function forgetSubscription(subscriptionId: string, database: Db = db()) {
  await database.delete(webhookSecrets).where(eq(webhookSecrets.subscriptionId, subscriptionId));
  modeCache.clear();
}

/** Ids of the customer's subscriptions that deliver here (the settings page marks them). */
export async function rememberedSubscriptionIds(customerId: string, database: Db = db()) {
  const rows = await database
    .select({ id: webhookSecrets.subscriptionId })
    .from(webhookSecrets)
    .where(eq(webhookSecrets.customerId, customerId));
  return new Set(rows.map((r) => r.id));
}

/**
 * The secrets a delivery for this customer may be signed with (every subscription to our URL,
 * enabled or not: a delivery already on its way when one was disabled is still genuine).
 * A secret sealed under a retired AUTH_SECRET is skipped, logged.
 */
export async function secretsFor(customerId: string, database: Db = db()): Promise<string[]> {
  const rows = await database
    .select({ sealed: webhookSecrets.secretSealed, id: webhookSecrets.subscriptionId })
    .from(webhookSecrets)
    .where(eq(webhookSecrets.customerId, customerId));
  const out: string[] = [];
  for (const r of rows) {
    try {
      out.push(decryptSecret(r.sealed, authSecrets(env())));
    } catch {
      log.warn({ subscriptionId: r.id }, "a webhook secret can no longer be read");
    }
  }
  return out;
}

export type LiveMode = "webhook" | "polling";

/** Cached a few seconds: the poller asks every tick. One per process: a change clears it for all. */
const modeCache = processWide(
  "live:mode-by-customer",
  () => new Map<string, { mode: LiveMode; at: number }>(),
);
const MODE_TTL_MS = 5_000;

/**
 * Webhooks when an enabled subscription of this customer delivers to our own URL; otherwise the
 * dashboard polls Jiko's events list (no public URL, or nobody subscribed it).
 */
export async function liveModeFor(customerId: string, database: Db = db()): Promise<LiveMode> {
  const hit = modeCache.get(customerId);
  if (hit && Date.now() - hit.at < MODE_TTL_MS) return hit.mode;
  const [row] = await database
    .select({ id: webhookSecrets.subscriptionId })
    .from(webhookSecrets)
    .where(
      and(
        eq(webhookSecrets.customerId, customerId),
        eq(webhookSecrets.enabled, 1),
        eq(webhookSecrets.url, ownWebhookUrl()),
      ),
    )
    .limit(1);
  const mode: LiveMode = row ? "webhook" : "polling";
  modeCache.set(customerId, { mode, at: Date.now() });
  return mode;
}
