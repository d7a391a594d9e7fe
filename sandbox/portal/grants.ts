/**
 * What ties OAuth grants to Jiko teams: the consents people gave (per client + team), the one
 * team each grant acts for, and revoking a person's grants. An access token acts for one team;
 * its grant's binding is copied into the token (`extra.team_id`, `extra.member_id`).
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, SandboxDb } from "../db/open";
import { grantTeams, oauthClients, oidcPayloads, portalConsents } from "../db/schema";
import { recordOAuthEvent } from "./oauth-events";

export async function bindGrant(
  db: SandboxDb,
  b: { grantId: string; teamId: string; memberId: string; personId: string; clientId: string },
) {
  await db.insert(grantTeams).values(b).onConflictDoNothing();
}

export async function grantBinding(db: SandboxDb, grantId: string) {
  const [row] = await db.select().from(grantTeams).where(eq(grantTeams.grantId, grantId));
  return row;
}

export async function clientTeamId(db: SandboxDb, clientId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ teamId: oauthClients.teamId })
    .from(oauthClients)
    .where(eq(oauthClients.clientId, clientId));
  return row?.teamId;
}

/** Teams this person consented to for this client, most recent first. */
export async function consentedTeams(db: SandboxDb, personId: string, clientId: string) {
  return db
    .select()
    .from(portalConsents)
    .where(and(eq(portalConsents.personId, personId), eq(portalConsents.clientId, clientId)))
    .orderBy(desc(portalConsents.updatedAt));
}

/** True when consent for this client + team already covers every requested scope. */
type ConsentKey = { personId: string; clientId: string; teamId: string };

/** The one consent row of a person, client and team. */
const consentOf = (c: ConsentKey) =>
  and(
    eq(portalConsents.personId, c.personId),
    eq(portalConsents.clientId, c.clientId),
    eq(portalConsents.teamId, c.teamId),
  );

export async function consentCovers(
  db: SandboxDb,
  c: { personId: string; clientId: string; teamId: string },
  scopes: string[],
): Promise<boolean> {
  const [row] = await db.select().from(portalConsents).where(consentOf(c));
  if (!row) return false;
  const given = new Set(row.scope.split(" "));
  return scopes.every((s) => given.has(s));
}

export async function recordConsent(
  db: SandboxDb,
  c: { personId: string; clientId: string; teamId: string },
  scopes: string[],
) {
  const now = new Date();
  const [existing] = await db.select().from(portalConsents).where(consentOf(c));
  const scope = [...new Set([...(existing?.scope.split(" ") ?? []), ...scopes])]
    .filter(Boolean)
    .join(" ");
  await db
    .insert(portalConsents)
    .values({ ...c, scope, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [portalConsents.personId, portalConsents.clientId, portalConsents.teamId],
      set: { scope, updatedAt: now },
    });
}

/** Marks a consent as the most recently used one (the default team next time). */
export async function touchConsent(
  db: SandboxDb,
  c: { personId: string; clientId: string; teamId: string },
) {
  await db.update(portalConsents).set({ updatedAt: new Date() }).where(consentOf(c));
}

const GRANT_BOUND = ["AccessToken", "RefreshToken", "AuthorizationCode"];

/**
 * Revokes every grant of a person, with their codes, access and refresh tokens: what a Jiko admin
 * revoking a person's app access would do. Returns the number of grants revoked.
 */
export async function revokePersonGrants(db: SandboxDb, personId: string): Promise<number> {
  const grants = await db
    .select({ id: oidcPayloads.id })
    .from(oidcPayloads)
    .where(
      and(eq(oidcPayloads.type, "Grant"), sql`${oidcPayloads.payload}->>'accountId' = ${personId}`),
    );
  const ids = grants.map((g) => g.id);
  if (ids.length === 0) return 0;
  await db.transaction((tx) => deleteGrants(tx, ids, "sandbox_revoke_grants"));
  return ids.length;
}

/** Deletes grants with their codes and tokens, recording each grant that was still alive. */
async function deleteGrants(tx: DbOrTx, ids: string[], reason: string) {
  const live = await tx
    .select({ id: oidcPayloads.id, payload: oidcPayloads.payload })
    .from(oidcPayloads)
    .where(and(eq(oidcPayloads.type, "Grant"), inArray(oidcPayloads.id, ids)));
  await tx
    .delete(oidcPayloads)
    .where(and(inArray(oidcPayloads.type, GRANT_BOUND), inArray(oidcPayloads.grantId, ids)));
  await tx
    .delete(oidcPayloads)
    .where(and(eq(oidcPayloads.type, "Grant"), inArray(oidcPayloads.id, ids)));
  for (const grant of live) {
    const payload = grant.payload as { accountId?: string; clientId?: string };
    await recordOAuthEvent(tx, {
      type: "grant.revoked",
      grantId: grant.id,
      clientId: payload.clientId,
      personId: payload.accountId,
      reason,
    });
  }
}

/**
 * Revokes every grant bound to one membership (the team it acts for), with its codes, access and
 * refresh tokens, inside the caller's transaction: what deactivating a member does at once.
 */
export async function revokeMemberGrants(tx: DbOrTx, memberId: string): Promise<number> {
  const bound = await tx
    .select({ id: grantTeams.grantId })
    .from(grantTeams)
    .where(eq(grantTeams.memberId, memberId));
  const ids = bound.map((g) => g.id);
  if (ids.length === 0) return 0;
  await deleteGrants(tx, ids, "member_deactivated");
  return ids.length;
}
