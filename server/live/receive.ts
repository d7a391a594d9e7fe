import "server-only";
import { WebhookDelivery } from "@/lib/jiko/events";
import { db } from "../db";
import type { Db } from "../db/client";
import { type StoredEvent, storeEvent } from "./events-store";
import { secretsFor } from "./secrets";
import { signatureMatches } from "./signature";

/** Larger bodies are refused unread: Jiko's envelopes are a few hundred bytes. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

/**
 * How old a delivery may be. Only the body is signed, so a captured delivery could be sent again
 * later: within this window its event id is still stored and it is ignored; past it, refused.
 * Wide enough for Jiko's retries under the default policy (30 s doubling to 300 s, 5 attempts).
 */
export const REPLAY_WINDOW_SECONDS = 30 * 60;
/** A sender's clock a little ahead of ours is tolerated, no more. */
export const FUTURE_SKEW_SECONDS = 5 * 60;

export type Receipt =
  | { status: 202; event: StoredEvent | null; duplicate: boolean }
  | { status: 400 | 401; reason: string };

/**
 * Checks one delivery and stores it once: the signature over the exact bytes first (nothing is
 * stored or believed before that), then the timestamp, then the event id. Fast: no Jiko call.
 */
export async function receiveWebhook(
  body: Uint8Array,
  signature: string | null,
  opts: { now?: Date; database?: Db } = {},
): Promise<Receipt> {
  const database = opts.database ?? db();
  if (!signature) return { status: 401, reason: "The x-jiko-signature header is missing." };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return { status: 401, reason: "The signature does not match the body." };
  }
  // The customer id only picks which secrets to try; it is believed once the signature holds.
  const customerId =
    typeof json === "object" && json && "customer_id" in json ? String(json.customer_id) : "";
  const secrets = customerId ? await secretsFor(customerId, database) : [];
  if (!signatureMatches(body, signature, secrets)) {
    return { status: 401, reason: "The signature does not match the body." };
  }
  const parsed = WebhookDelivery.safeParse(json);
  if (!parsed.success) return { status: 400, reason: "The delivery is not a Jiko event." };
  const now = (opts.now ?? new Date()).getTime();
  const at = new Date(parsed.data.timestamp).getTime();
  if (at < now - REPLAY_WINDOW_SECONDS * 1000 || at > now + FUTURE_SKEW_SECONDS * 1000) {
    return { status: 400, reason: "The delivery's timestamp is outside the accepted window." };
  }
  const event = await storeEvent(parsed.data, "webhook", database);
  return { status: 202, event, duplicate: event === null };
}
