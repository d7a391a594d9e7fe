import "server-only";
import { rateLimitGroupFor } from "@/lib/jiko/rate-limits";
import { rememberedSession } from "../auth/session-memo";
import type { TokenSet } from "../auth/token-store";
import { db } from "../db";
import { env } from "../env";
import { log } from "../log";
import { createJikoClient, type JikoClient } from "./client";
import { record } from "./pacer";
import { accessTokenFor, stillFresh } from "./tokens";

/**
 * The Jiko client acting for one signed-in session, with that session's own tokens (so the team
 * it signed in for). Rate limits are Jiko's per person, so the pacer counts per person.
 */
export function jikoFor(
  session: { sessionToken: string; userId: string },
  /** Tokens this request already read: its first call uses them instead of reading again. */
  opts: { read?: TokenSet } = {},
): JikoClient {
  const { sessionToken, userId } = session;
  let read = opts.read;
  const e = env();
  return createJikoClient(
    {
      baseUrl: e.JIKO_API_URL,
      timeoutMs: e.JIKO_TIMEOUT_MS,
      onRetry: (info) => log.warn({ ...info, userId }, "retrying Jiko call"),
    },
    {
      get: (o) => {
        const once = o?.force ? undefined : read;
        read = undefined; // once only: a client kept for a live stream must not hold it for hours
        if (once) return Promise.resolve(once);
        // Later calls take the tokens this instance remembered a moment ago, under the session
        // memo's rules (server/auth/session-memo.ts: 5 s, dropped on any change or refusal):
        // a queue of 500 requests makes ten Jiko calls, each of which read and decrypted the row.
        // A forced read (after Jiko refused a token) always goes to the database.
        const hit = o?.force ? undefined : rememberedSession(db(), sessionToken);
        return hit && stillFresh(hit.tokens)
          ? Promise.resolve(hit.tokens)
          : accessTokenFor(db(), sessionToken, o);
      },
    },
    // Every call counts against the person's rate-limit budget (server/jiko/pacer.ts).
    { onRequest: (req) => record(userId, rateLimitGroupFor(req.method, req.path)) },
  );
}

export type { JikoClient } from "./client";
export { isJikoError, JikoError } from "./errors";
