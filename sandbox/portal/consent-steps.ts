/**
 * After login: decide the one team this authorization acts for (the `team_id` parameter, else the
 * team last consented to for this client, else a choice, else the only team), then ask consent
 * once per client + person + team. Granting creates the oidc-provider grant and binds it to the
 * team, so every token of the grant (refreshed ones too) carries team_id and member_id.
 */
import type { Hono } from "hono";
import type { default as Provider } from "oidc-provider";
import { TEAM_AUTHORIZATION_PARAM } from "../../lib/jiko/oauth";
import { ROLE_LABELS, type Role } from "../../lib/jiko/roles";
import type { SandboxDb } from "../db/open";
import {
  findPerson,
  type Membership,
  membershipsOf,
  type Person,
  pocketsOfTeam,
} from "../directory";
import { latestTotals, usd } from "../ledger/valuation";
import type { Logger } from "../log";
import { bindGrant, consentCovers, consentedTeams, recordConsent, touchConsent } from "./grants";
import {
  type Ctx,
  type Env,
  type Interaction,
  type InteractionKit,
  MESSAGES,
  stepPath,
} from "./interaction-kit";
import { chooseTeam, clearState, getState } from "./login-state";
import { consentPage, errorPage, teamChoicePage } from "./pages";
import { INTERACTION_PATH } from "./provider";

type TeamChoice =
  | { kind: "team"; membership: Membership }
  | { kind: "choose"; options: Membership[] }
  | { kind: "error"; title: string; message: string };

const STRATEGY_LABEL: Record<string, string> = {
  "UST-4W": "4-week T-bills",
  "UST-13W": "13-week T-bills",
  "UST-26W": "26-week T-bills",
  "UST-52W": "52-week T-bills",
};

function requestedScopes(details: Interaction): string[] {
  const missing = details.prompt.details.missingOIDCScope;
  return Array.isArray(missing) ? (missing as string[]) : [];
}

export function consentSteps(
  app: Hono<Env>,
  o: { provider: Provider; db: SandboxDb; kit: InteractionKit; log: Logger },
) {
  const { provider, db, kit, log } = o;

  const activeMemberships = async (person: Person) =>
    (await membershipsOf(db, person)).filter(
      (m) => m.member.status === "ACTIVE" && m.member.personId === person.id,
    );

  async function resolveTeam(details: Interaction, person: Person): Promise<TeamChoice> {
    const active = await activeMemberships(person);
    const byTeam = (teamId: unknown) => active.find((m) => m.team.id === teamId);
    const requested = details.params[TEAM_AUTHORIZATION_PARAM];
    if (typeof requested === "string" && requested !== "") {
      const m = byTeam(requested);
      if (m) return { kind: "team", membership: m };
      return { kind: "error", title: "No access to this team", message: MESSAGES.noSuchTeam };
    }
    const chosen = byTeam((await getState(db, details.uid))?.teamId);
    if (chosen) return { kind: "team", membership: chosen };
    for (const consent of await consentedTeams(db, person.id, String(details.params.client_id))) {
      const m = byTeam(consent.teamId);
      if (m) return { kind: "team", membership: m };
    }
    if (active.length > 1) return { kind: "choose", options: active };
    if (active.length === 1) return { kind: "team", membership: active[0]! };
    return { kind: "error", title: "No active team", message: MESSAGES.deactivated };
  }

  /** Creates the grant for this authorization, binds it to the team, remembers the consent. */
  async function grantAccess(c: Ctx, details: Interaction, person: Person, m: Membership) {
    const clientId = String(details.params.client_id);
    const grant = new provider.Grant({ accountId: person.id, clientId });
    const scopes = requestedScopes(details);
    if (scopes.length) grant.addOIDCScope(scopes.join(" "));
    const claims = details.prompt.details.missingOIDCClaims;
    if (Array.isArray(claims) && claims.length) grant.addOIDCClaims(claims as string[]);
    const resources = details.prompt.details.missingResourceScopes as
      | Record<string, string[]>
      | undefined;
    for (const [indicator, s] of Object.entries(resources ?? {})) {
      grant.addResourceScope(indicator, s.join(" "));
    }
    const grantId = await grant.save();
    const who = { personId: person.id, clientId, teamId: m.team.id };
    await bindGrant(db, { grantId, memberId: m.member.id, ...who });
    await recordConsent(db, who, scopes);
    await touchConsent(db, who);
    await clearState(db, details.uid);
    log.info({ clientId, teamId: m.team.id }, "portal: access granted");
    return kit.finish(c, { consent: { grantId } });
  }

  async function consentView(c: Ctx, details: Interaction, m: Membership, error?: string) {
    const pockets = await pocketsOfTeam(db, m.team.id);
    const balances = await latestTotals(
      db,
      pockets.map((p) => p.id),
    );
    return c.html(
      consentPage({
        action: stepPath(details.uid, "consent"),
        clientName: await kit.clientName(details),
        teamId: m.team.id,
        teamName: m.team.name,
        pockets: pockets.map((p) => ({
          name: p.pocketName,
          detail: `${usd(balances.get(p.id) ?? 0).formatted} · ${STRATEGY_LABEL[p.depositStrategyId] ?? p.depositStrategyId}`,
        })),
        error,
      }),
      error ? 400 : 200,
    );
  }

  /** GET of a consent prompt. */
  async function show(c: Ctx, details: Interaction) {
    const person = await findPerson(db, String(details.session?.accountId ?? ""));
    if (!person) {
      return kit.finish(c, { error: "login_required", error_description: "unknown account" });
    }
    const choice = await resolveTeam(details, person);
    if (choice.kind === "error") {
      return c.html(errorPage({ title: choice.title, message: choice.message }), 403);
    }
    if (choice.kind === "choose") {
      return c.html(
        teamChoicePage({
          action: stepPath(details.uid, "team"),
          clientName: await kit.clientName(details),
          teams: choice.options.map((m) => ({
            id: m.team.id,
            name: m.team.name,
            customerName: m.customer.name,
            role: ROLE_LABELS[m.member.role as Role] ?? m.member.role,
          })),
        }),
      );
    }
    const who = {
      personId: person.id,
      clientId: String(details.params.client_id),
      teamId: choice.membership.team.id,
    };
    if (await consentCovers(db, who, requestedScopes(details))) {
      return grantAccess(c, details, person, choice.membership);
    }
    return consentView(c, details, choice.membership);
  }

  app.post(`${INTERACTION_PATH}/:uid/team`, async (c) => {
    const details = await kit.load(c);
    const person = await findPerson(db, String(details.session?.accountId ?? ""));
    const teamId = String((await c.req.parseBody()).team_id ?? "");
    if (person && (await activeMemberships(person)).some((m) => m.team.id === teamId)) {
      await chooseTeam(db, details.uid, teamId);
    }
    return c.redirect(stepPath(details.uid), 303);
  });

  app.post(`${INTERACTION_PATH}/:uid/consent`, async (c) => {
    const details = await kit.load(c);
    if (details.prompt.name !== "consent") return c.redirect(stepPath(details.uid), 303);
    const body = await c.req.parseBody();
    if (body.decision === "deny") {
      await clearState(db, details.uid);
      return kit.finish(c, {
        error: "access_denied",
        error_description: "The person denied access to their Jiko data.",
      });
    }
    const person = await findPerson(db, String(details.session?.accountId ?? ""));
    if (!person) return c.redirect(stepPath(details.uid), 303);
    const choice = await resolveTeam(details, person);
    // The page named one team; if the answer changed meanwhile, show the page again.
    if (choice.kind !== "team" || choice.membership.team.id !== body.team_id) {
      return c.redirect(stepPath(details.uid), 303);
    }
    if (body.agree !== "yes") return consentView(c, details, choice.membership, MESSAGES.mustAgree);
    return grantAccess(c, details, person, choice.membership);
  });

  return { show };
}
