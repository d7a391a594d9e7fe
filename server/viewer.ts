import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/jiko/roles";
import type { MembershipInfo } from "@/lib/jiko/user";
import { type Capability, capabilitiesFor } from "@/lib/permissions";
import { PAGE_PATH_HEADER } from "./auth/cookie";
import { endSession } from "./auth/end";
import {
  currentSession,
  type SessionLookup,
  sessionCookieFromRequest,
  sessionCookieValue,
  sessionFor,
} from "./auth/session";
import {
  forgetSession,
  memoGeneration,
  rememberedSession,
  rememberSession,
} from "./auth/session-memo";
import type { TokenSet } from "./auth/token-store";
import { db } from "./db";
import { type JikoClient, JikoError, jikoFor } from "./jiko";
import { accessTokenFor, stillFresh } from "./jiko/tokens";
import { log } from "./log";
import { forgetPendingRequests } from "./transfers/pending-requests";
import { forgetCachedViewer, grantFingerprint, REFUSALS, viewerCache } from "./viewer-cache";

export interface Viewer {
  userId: string;
  sessionToken: string;
  name: string;
  email: string;
  role: Role;
  team: { id: string; name: string };
  customerId: string;
  memberId: string;
  /** Teams the person may switch to (active memberships), the active one included. */
  memberships: MembershipInfo[];
  capabilities: Capability[];
  jiko: JikoClient;
}

/** What the cache keeps of a viewer: never the client nor the session's own ids. */
type ViewerFacts = Omit<Viewer, "userId" | "sessionToken" | "jiko">;

/**
 * Calls that change, at Jiko, what this instance keeps of a customer for a few seconds: who the
 * team's members are and may do (the cached viewers), and which transfer requests are pending
 * (the lists the navigation's count reuses, server/transfers/pending-requests.ts). Either is read
 * anew after them.
 */
const WRITES: ReadonlyMap<string, "team" | "transfers"> = new Map([
  ["editMember", "team"],
  ["deactivateMember", "team"],
  ["inviteMember", "team"],
  ["cancelInvite", "team"],
  ["createServiceUser", "team"],
  ["createTransferRequest", "transfers"],
  ["decideTransferRequest", "transfers"],
  ["cancelTransferRequest", "transfers"],
]);

/**
 * The session's Jiko client, watched on every call (a route's or a page's): a 401/403 drops the
 * session's cached viewer before the error travels on (a 401 that survived the client's own
 * refresh also ends the session, as a refused refresh does), and a change made from this
 * dashboard (`WRITES`) drops what is kept of the customer at once, ahead of Jiko's event.
 */
export function watched(
  jiko: JikoClient,
  on: {
    refused: (error: JikoError) => Promise<void>;
    changed: (what: "team" | "transfers") => void;
  },
): JikoClient {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(jiko) as [string, (...a: unknown[]) => unknown][]) {
    wrapped[name] = (...args: unknown[]) => {
      const result = fn(...args);
      if (!(result instanceof Promise)) return result;
      return result.then(
        (value: unknown) => {
          const what = WRITES.get(name);
          if (what) on.changed(what);
          return value;
        },
        async (error: unknown) => {
          if (error instanceof JikoError && REFUSALS.has(error.code)) await on.refused(error);
          throw error;
        },
      );
    };
  }
  return wrapped as JikoClient;
}

/** Forgets what this instance remembers of a session (team switch, sign-out, Jiko's refusal). */
export function forgetViewer(sessionToken: string): void {
  forgetSession(db(), sessionToken);
  forgetCachedViewer(sessionToken);
}

/**
 * The signed-in person as Jiko sees them: person, role, team and memberships come from Jiko and
 * are remembered for the session for a few seconds (server/viewer-cache.ts), for the grant they
 * were read with only, so a team switch reads them anew. The team is the one this session's
 * tokens act for; capabilities follow the role and the token's scopes. A session Jiko no longer
 * honours (refresh refused, token revoked, member deactivated), or whose tokens can no longer be
 * decrypted, is ended here and reads as signed out.
 */
export const getViewer = cache(
  async (): Promise<Viewer | null> => viewerFor(await sessionCookieValue(), currentSession),
);

/**
 * The viewer of a route handler's request, its session cookie read from the request itself: a
 * route then needs nothing of Next's request scope, and the production server answers reads
 * without Next's router (scripts/lib/api-reads.ts).
 */
export function requestViewer(req: Request): Promise<Viewer | null> {
  const cookie = sessionCookieFromRequest(req);
  return viewerFor(cookie, () => sessionFor(cookie));
}

/** The viewer for a session cookie; `lookUp` finds its session when this instance has not. */
async function viewerFor(
  cookie: string | undefined,
  lookUp: () => Promise<SessionLookup>,
): Promise<Viewer | null> {
  const remembered = await sessionWithTokens(cookie, lookUp);
  if (!remembered) return null;
  const { sessionToken, userId, tokens: token } = remembered;
  const facts = viewerCache<ViewerFacts>();
  const direct = jikoFor({ sessionToken, userId }, { read: token });
  let customerId: string | undefined;
  const jiko = watched(direct, {
    refused: async (error) => {
      forgetViewer(sessionToken);
      if (error.code !== "reauth-required") return;
      log.info({ userId, detail: error.message }, "Jiko ended the session");
      await endSession(db(), sessionToken, "revoked").catch((err: unknown) =>
        log.warn({ err }, "could not end a session Jiko refused"),
      );
    },
    changed: (what) => {
      if (!customerId) return;
      if (what === "team") facts.forgetCustomer(customerId);
      else forgetPendingRequests(customerId);
    },
  });
  try {
    const known = await facts.resolve(
      sessionToken,
      grantFingerprint(token.accessToken),
      async () => {
        const [user, memberships] = await Promise.all([direct.user(), direct.memberships()]);
        const scopes = token.scope.split(" ").filter(Boolean);
        return {
          customerId: user.customer_id,
          value: {
            name: user.name,
            email: user.email,
            role: user.role,
            team: { id: user.team_id, name: user.team_name },
            customerId: user.customer_id,
            memberId: user.member_id,
            memberships: memberships.items.filter((m) => m.status === "ACTIVE"),
            capabilities: [...capabilitiesFor(user.role, scopes)],
          },
        };
      },
    );
    customerId = known.customerId;
    return {
      userId,
      sessionToken,
      ...known,
      memberships: [...known.memberships],
      capabilities: [...known.capabilities],
      jiko,
    };
  } catch (error) {
    return ended(error, userId, sessionToken);
  }
}

/**
 * The request's session and its tokens: as this instance remembered them a moment ago
 * (server/auth/session-memo.ts) while the tokens need no refresh, else read from the database.
 */
async function sessionWithTokens(
  cookie: string | undefined,
  lookUp: () => Promise<SessionLookup>,
): Promise<{
  sessionToken: string;
  userId: string;
  tokens: TokenSet;
} | null> {
  if (!cookie) return null;
  const hit = rememberedSession(db(), cookie);
  if (hit && stillFresh(hit.tokens)) return { sessionToken: cookie, ...hit };
  const generation = memoGeneration(db());
  const found = await lookUp();
  if (!("session" in found)) return null;
  const { sessionToken, userId } = found.session;
  try {
    const tokens = await accessTokenFor(db(), sessionToken);
    rememberSession(db(), sessionToken, { userId, tokens }, generation);
    return { sessionToken, userId, tokens };
  } catch (error) {
    return ended(error, userId, sessionToken);
  }
}

/** A session whose tokens Jiko no longer honours (or that cannot be read) ends: signed out. */
async function ended(error: unknown, userId: string, sessionToken: string): Promise<null> {
  if (!(error instanceof JikoError && error.code === "reauth-required")) throw error;
  log.info({ userId, detail: error.message }, "Jiko ended the session");
  await endSession(db(), sessionToken, "revoked");
  return null;
}

/**
 * For pages: the viewer, or a redirect to sign-in (never an error page for an ended session). A
 * session that existed and ended (idle, past its lifetime, or no longer honoured by Jiko) is
 * told apart from no session at all, so the sign-in page can say why.
 */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const found = await currentSession();
    const query = new URLSearchParams();
    if (!("none" in found)) query.set("reason", "session-ended");
    // Back to the page asked for after signing in (the sign-in action accepts local paths only).
    const asked = (await headers()).get(PAGE_PATH_HEADER);
    if (asked && asked !== "/" && asked.startsWith("/") && !asked.startsWith("//")) {
      query.set("redirectTo", asked);
    }
    const search = query.toString();
    redirect(search ? `/sign-in?${search}` : "/sign-in");
  }
  return viewer;
}
