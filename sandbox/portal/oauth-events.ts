/**
 * The portal's record of OAuth events: codes exchanged, refreshes (and refused ones), tokens
 * revoked at /api/oauth2/logout and grants ended, with the person and team they concern. Tests
 * read it through `GET /_sandbox/oauth-events` to prove, from outside the dashboard, that it
 * refreshed once, never replayed a rotated token, and revoked its grant at sign-out.
 */
import { and, desc, eq } from "drizzle-orm";
import type { KoaContextWithOIDC, default as Provider } from "oidc-provider";
import { z } from "zod";
import type { DbOrTx, SandboxDb } from "../db/open";
import { grantTeams, oauthEvents, people } from "../db/schema";
import type { Logger } from "../log";

export const OAUTH_EVENT_TYPES = [
  "token.authorization_code",
  "token.refresh",
  "token.refresh_failed",
  "token.revoked",
  "grant.revoked",
] as const;
export type OAuthEventType = (typeof OAUTH_EVENT_TYPES)[number];

export const OAuthEventsQuery = z.object({
  email: z.string().min(1).optional(),
  type: z.enum(OAUTH_EVENT_TYPES).optional(),
});

export interface OAuthEventInput {
  type: OAuthEventType;
  clientId?: string | null;
  grantId?: string | null;
  /** The person (oidc-provider's accountId); their email is looked up when recorded. */
  personId?: string | null;
  /** grant.revoked: why; token.refresh_failed: the refusal's detail. */
  reason?: string | null;
  at?: Date;
}

const UUID = z.uuid();

async function emailOf(db: DbOrTx, personId: string | null | undefined) {
  if (!personId || !UUID.safeParse(personId).success) return null;
  const [row] = await db
    .select({ email: people.email })
    .from(people)
    .where(eq(people.id, personId));
  return row?.email ?? null;
}

async function bindingOf(db: DbOrTx, grantId: string | null | undefined) {
  if (!grantId) return undefined;
  const [row] = await db.select().from(grantTeams).where(eq(grantTeams.grantId, grantId));
  return row;
}

/** Writes one event, inside the caller's transaction when given one. */
export async function recordOAuthEvent(db: DbOrTx, e: OAuthEventInput): Promise<void> {
  const binding = await bindingOf(db, e.grantId);
  await db.insert(oauthEvents).values({
    type: e.type,
    at: e.at ?? new Date(),
    clientId: e.clientId ?? binding?.clientId ?? null,
    grantId: e.grantId ?? null,
    email: await emailOf(db, e.personId ?? binding?.personId),
    teamId: binding?.teamId ?? null,
    reason: e.reason ?? null,
  });
}

/** Newest first, optionally one person's (by email) and one type. */
export async function listOAuthEvents(db: SandboxDb, q: z.infer<typeof OAuthEventsQuery>) {
  const rows = await db
    .select()
    .from(oauthEvents)
    .where(
      and(
        q.email ? eq(oauthEvents.email, q.email.toLowerCase()) : undefined,
        q.type ? eq(oauthEvents.type, q.type) : undefined,
      ),
    )
    .orderBy(desc(oauthEvents.seq))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    type: r.type as OAuthEventType,
    at: r.at.toISOString(),
    client_id: r.clientId,
    grant_id: r.grantId,
    email: r.email,
    team_id: r.teamId,
    reason: r.reason,
  }));
}

type Entities = KoaContextWithOIDC["oidc"]["entities"];

/** The person an OAuth request concerns, from whichever model it loaded. */
function personOf(entities: Entities): string | undefined {
  return (
    entities.Account?.accountId ??
    entities.RefreshToken?.accountId ??
    entities.AccessToken?.accountId ??
    entities.AuthorizationCode?.accountId ??
    entities.Grant?.accountId
  );
}

function grantOf(entities: Entities): string | undefined {
  return (
    entities.Grant?.jti ??
    entities.RefreshToken?.grantId ??
    entities.AccessToken?.grantId ??
    entities.AuthorizationCode?.grantId
  );
}

/** Why oidc-provider ended a grant, from the route it ended it on. */
function revocationReason(ctx: KoaContextWithOIDC): string {
  const route = ctx.oidc.route;
  if (route === "revocation") return "client_revocation";
  // A rotated refresh token (or a used code) presented again ends the grant it belonged to.
  if (route === "token") return `${String(ctx.oidc.params?.grant_type ?? "token")}_reuse`;
  return route ?? "unknown";
}

/**
 * Hooks oidc-provider's events. Listeners run synchronously and writes are async, so writes go
 * through one queue (in order), and every portal request waits for the queue before answering:
 * an event is readable as soon as the response that caused it has arrived.
 */
export function recordProviderEvents(provider: Provider, db: SandboxDb, log: Logger): void {
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (e: OAuthEventInput) => {
    const at = new Date();
    queue = queue
      .then(() => recordOAuthEvent(db, { ...e, at }))
      .catch((err: unknown) =>
        log.error({ err: (err as Error).message, type: e.type }, "oauth event not recorded"),
      );
  };

  provider.use(async (_ctx, next) => {
    try {
      await next();
    } finally {
      await queue;
    }
  });

  provider.on("grant.success", (ctx: KoaContextWithOIDC) => {
    const grantType = ctx.oidc.params?.grant_type;
    const type =
      grantType === "authorization_code"
        ? "token.authorization_code"
        : grantType === "refresh_token"
          ? "token.refresh"
          : undefined;
    if (!type) return;
    const { entities } = ctx.oidc;
    enqueue({
      type,
      clientId: ctx.oidc.client?.clientId,
      grantId: grantOf(entities),
      personId: personOf(entities),
    });
  });

  provider.on("grant.error", (ctx: KoaContextWithOIDC, err: { error_detail?: string }) => {
    if (ctx.oidc.params?.grant_type !== "refresh_token") return;
    const { entities } = ctx.oidc;
    enqueue({
      type: "token.refresh_failed",
      clientId: ctx.oidc.client?.clientId,
      grantId: grantOf(entities),
      personId: personOf(entities),
      reason: err?.error_detail ?? (err as Error)?.message ?? null,
    });
  });

  provider.on("grant.revoked", (ctx: KoaContextWithOIDC, grantId: string) => {
    const { entities } = ctx.oidc;
    const base = { clientId: ctx.oidc.client?.clientId, grantId, personId: personOf(entities) };
    // The revocation endpoint ends the presented token's whole grant: both are recorded.
    if (ctx.oidc.route === "revocation") enqueue({ type: "token.revoked", ...base });
    enqueue({ type: "grant.revoked", ...base, reason: revocationReason(ctx) });
  });
}
