/**
 * Bearer tokens of the Customer API: the portal's opaque tokens, looked up in the same process
 * (oidc-provider models over the shared database). A token acts for one team: a person's
 * membership (authorization code) or the client's own team (client credentials).
 */
import type { default as Provider } from "oidc-provider";
import type { SandboxDb } from "../db/open";
import { findMember, type Member } from "../directory";

export interface Principal {
  kind: "person" | "client";
  clientId: string;
  teamId: string;
  scopes: Set<string>;
  /** Set for person tokens only. */
  personId?: string;
  member?: Member;
  /** Rate limits count per client + user. */
  rateKey: string;
}

export type Resolution =
  | { ok: true; principal: Principal }
  | { ok: false; reason: "missing" | "invalid" | "inactive" };

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i;

export async function resolveBearer(
  provider: Provider,
  db: SandboxDb,
  authorization: string | undefined,
): Promise<Resolution> {
  const value = authorization?.match(BEARER)?.[1];
  if (!value) return { ok: false, reason: "missing" };

  const at = await provider.AccessToken.find(value);
  if (at) {
    if (at.isExpired || !at.grantId || !at.accountId || !at.clientId) {
      return { ok: false, reason: "invalid" };
    }
    // Revoked grants take their tokens with them; check the grant too in case of a race.
    if (!(await provider.Grant.find(at.grantId))) return { ok: false, reason: "invalid" };
    const extra = (at.extra ?? {}) as { team_id?: string; member_id?: string };
    if (!extra.team_id || !extra.member_id) return { ok: false, reason: "invalid" };
    const member = await findMember(db, extra.member_id);
    if (!member || member.personId !== at.accountId || member.status !== "ACTIVE") {
      return { ok: false, reason: "inactive" };
    }
    return {
      ok: true,
      principal: {
        kind: "person",
        clientId: at.clientId,
        teamId: extra.team_id,
        scopes: new Set(at.scope?.split(" ").filter(Boolean)),
        personId: at.accountId,
        member,
        rateKey: `${at.clientId}:${at.accountId}`,
      },
    };
  }

  const cc = await provider.ClientCredentials.find(value);
  if (cc?.clientId && !cc.isExpired) {
    const client = await provider.Client.find(cc.clientId);
    const teamId = (cc.extra as { team_id?: string } | undefined)?.team_id;
    if (!client || !teamId) return { ok: false, reason: "invalid" };
    // Jiko's guide makes `scope` optional for client credentials: without it, the token carries
    // every scope the client was registered with.
    const scope = cc.scope ?? client.scope ?? "";
    return {
      ok: true,
      principal: {
        kind: "client",
        clientId: cc.clientId,
        teamId,
        scopes: new Set(scope.split(" ").filter(Boolean)),
        rateKey: `${cc.clientId}:`,
      },
    };
  }
  return { ok: false, reason: "invalid" };
}
