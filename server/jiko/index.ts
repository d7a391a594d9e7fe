import "server-only";
import { rateLimitGroupFor } from "@/lib/jiko/rate-limits";
import type { TokenSet } from "../auth/token-store";
import { db } from "../db";
import { env } from "../env";
import { log } from "../log";
import { createJikoClient, type JikoClient } from "./client";
import { record } from "./pacer";
import { accessTokenFor } from "./tokens";

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
        return once ? Promise.resolve(once) : accessTokenFor(db(), sessionToken, o);
      },
    },
    // Every call counts against the person's rate-limit budget (server/jiko/pacer.ts).
    { onRequest: (req) => record(userId, rateLimitGroupFor(req.method, req.path)) },
  );
}

export type { JikoClient } from "./client";
export { isJikoError, JikoError } from "./errors";
