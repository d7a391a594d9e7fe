/**
 * Team administration, shared by the Customer API (invite, resend, cancel, edit, deactivate,
 * service users) and the portal's sign-up pages (joining). Every change and its audit entry are
 * written in one transaction; the rules' refusals are TeamRuleErrors with a sentence for people.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import type { AuditAction } from "../lib/jiko/audit";
import { ROLE_LABELS, type Role } from "../lib/jiko/roles";
import type {
  CreateServiceUserRequest,
  EditTeamMemberRequest,
  InviteMemberRequest,
} from "../lib/jiko/team";
import { actorOf, memberSnapshot, recordAudit } from "./audit";
import type { DbOrTx, SandboxDb, SandboxTx } from "./db/open";
import { invitations, members, people, teams } from "./db/schema";
import { type Member, normalizeEmail, type Team } from "./directory";
import { emitMemberEvent } from "./events/team-events";
import { send } from "./outbox";
import { revokeMemberGrants } from "./portal/grants";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type Invitation = typeof invitations.$inferSelect;

export class TeamRuleError extends Error {
  constructor(
    readonly status: 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export const MESSAGES = {
  notAdmin: "Only team admins can manage members.",
  notFound: "Not Found",
  lastAdmin: (name: string) =>
    `${name} is the team's last admin: make someone else an admin first.`,
  alreadyOnTeam: (email: string) => `${email} is already on this team.`,
  deactivated: (email: string) => `${email} was deactivated: reactivate them instead.`,
  noPendingInvite: "There is no pending invitation for this member.",
  notJoined: (name: string) =>
    `${name} has not accepted the invitation yet: resend or cancel the invitation instead.`,
} as const;

const displayName = (m: Pick<Member, "firstName" | "lastName">) =>
  `${m.firstName} ${m.lastName}`.trim();

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const signupUrl = (portalUrl: string, token: string) =>
  new URL(`/signup/${token}`, portalUrl).toString();

async function teamOf(tx: DbOrTx, teamId: string): Promise<Team> {
  const [team] = await tx.select().from(teams).where(eq(teams.id, teamId));
  if (!team) throw new Error(`team ${teamId} vanished`);
  return team;
}

/** A member of this team, or 404 (members of other teams are not revealed). */
async function memberOfTeam(tx: DbOrTx, teamId: string, memberId: string): Promise<Member> {
  const [m] = await tx
    .select()
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.teamId, teamId)));
  if (!m) throw new TeamRuleError(404, MESSAGES.notFound);
  return m;
}

export async function getTeamMember(db: SandboxDb, teamId: string, memberId: string) {
  return memberOfTeam(db, teamId, memberId);
}

/** Who may manage: ACTIVE admins only (a token without a person is no admin). */
export function assertAdmin(actor: Member | undefined): asserts actor is Member {
  if (actor?.status !== "ACTIVE" || actor.role !== "ADMIN") {
    throw new TeamRuleError(403, MESSAGES.notAdmin);
  }
}

/** Refuses to leave the team without an ACTIVE admin who can sign in (access WEB). */
async function guardLastAdmin(tx: SandboxTx, m: Member) {
  if (m.status !== "ACTIVE" || m.role !== "ADMIN" || m.access !== "WEB") return;
  const [row] = await tx
    .select({ n: count() })
    .from(members)
    .where(
      and(
        eq(members.teamId, m.teamId),
        eq(members.status, "ACTIVE"),
        eq(members.role, "ADMIN"),
        eq(members.access, "WEB"),
      ),
    );
  if ((row?.n ?? 0) <= 1) throw new TeamRuleError(409, MESSAGES.lastAdmin(displayName(m)));
}

async function assertEmailFree(tx: DbOrTx, teamId: string, email: string) {
  const [existing] = await tx
    .select()
    .from(members)
    .where(and(eq(members.teamId, teamId), eq(members.email, normalizeEmail(email))));
  if (!existing) return;
  if (existing.status === "DEACTIVATED") {
    throw new TeamRuleError(409, MESSAGES.deactivated(existing.email));
  }
  throw new TeamRuleError(409, MESSAGES.alreadyOnTeam(existing.email));
}

/** A new link for a PENDING member (earlier links stop working) and the email carrying it. */
async function issueInvitation(
  tx: SandboxTx,
  o: { member: Member; team: Team; inviter: Member; portalUrl: string; now: Date },
) {
  await tx
    .update(invitations)
    .set({ status: "SUPERSEDED" })
    .where(and(eq(invitations.memberId, o.member.id), eq(invitations.status, "PENDING")));
  const token = randomBytes(32).toString("base64url");
  await tx.insert(invitations).values({
    tokenHash: hashToken(token),
    teamId: o.team.id,
    memberId: o.member.id,
    email: o.member.email,
    status: "PENDING",
    createdAt: o.now,
    expiresAt: new Date(o.now.getTime() + INVITE_TTL_MS),
  });
  const link = signupUrl(o.portalUrl, token);
  const role = ROLE_LABELS[o.member.role as Role] ?? o.member.role;
  await send(tx, {
    kind: "email",
    to: o.member.email,
    subject: `You're invited to join ${o.team.name} on Jiko`,
    body: [
      `Hi ${o.member.firstName},`,
      "",
      `${displayName(o.inviter)} invited you to join ${o.team.name} on Jiko as ${role}.`,
      "",
      "Accept the invitation and set up your login:",
      link,
      "",
      "This link works once and expires in 7 days.",
    ].join("\n"),
    link,
  });
}

export async function inviteMember(
  db: SandboxDb,
  o: { teamId: string; actor: Member; req: InviteMemberRequest; portalUrl: string },
): Promise<Member> {
  return db.transaction(async (tx) => {
    await assertEmailFree(tx, o.teamId, o.req.email);
    const team = await teamOf(tx, o.teamId);
    const now = new Date();
    const [member] = await tx
      .insert(members)
      .values({
        id: randomUUID(),
        teamId: o.teamId,
        personId: null,
        firstName: o.req.first_name,
        lastName: o.req.last_name,
        email: normalizeEmail(o.req.email),
        phoneNumber: o.req.phone_number,
        role: o.req.role,
        status: "PENDING",
        access: "WEB",
        createdAt: now,
        inviteSentAt: now,
      })
      .returning();
    await issueInvitation(tx, {
      member: member!,
      team,
      inviter: o.actor,
      portalUrl: o.portalUrl,
      now,
    });
    await audit(tx, o.actor, "team.member.invited", null, member!, now);
    return member!;
  });
}

export async function resendInvite(
  db: SandboxDb,
  o: { teamId: string; actor: Member; memberId: string; portalUrl: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const member = await memberOfTeam(tx, o.teamId, o.memberId);
    if (member.status !== "PENDING") throw new TeamRuleError(409, MESSAGES.noPendingInvite);
    const team = await teamOf(tx, o.teamId);
    const now = new Date();
    const [after] = await tx
      .update(members)
      .set({ inviteSentAt: now })
      .where(eq(members.id, member.id))
      .returning();
    await issueInvitation(tx, {
      member: after!,
      team,
      inviter: o.actor,
      portalUrl: o.portalUrl,
      now,
    });
    await audit(tx, o.actor, "team.member.invite_resent", member, after!, now);
  });
}

/** Ends the invitation and removes the PENDING member (the team list forgets them). */
export async function cancelInvite(
  db: SandboxDb,
  o: { teamId: string; actor: Member; memberId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const member = await memberOfTeam(tx, o.teamId, o.memberId);
    if (member.status !== "PENDING") throw new TeamRuleError(409, MESSAGES.noPendingInvite);
    await tx
      .update(invitations)
      .set({ status: "CANCELLED" })
      .where(and(eq(invitations.memberId, member.id), eq(invitations.status, "PENDING")));
    await tx.delete(members).where(eq(members.id, member.id));
    await audit(tx, o.actor, "team.member.invite_cancelled", member, null);
  });
}

/**
 * Role and/or status (ACTIVE ↔ DEACTIVATED). One audit entry per change; no change, no entry.
 * Deactivation revokes the member's grants (their codes, access and refresh tokens) at once.
 */
export async function editMember(
  db: SandboxDb,
  o: { teamId: string; actor: Member; memberId: string; req: EditTeamMemberRequest },
): Promise<Member> {
  return db.transaction(async (tx) => {
    let current = await memberOfTeam(tx, o.teamId, o.memberId);
    const { role, status } = o.req;
    const statusChange = status !== undefined && status !== current.status;
    if (statusChange && current.status === "PENDING") {
      throw new TeamRuleError(409, MESSAGES.notJoined(displayName(current)));
    }
    const demotes = role !== undefined && role !== "ADMIN";
    if (demotes || (statusChange && status === "DEACTIVATED")) await guardLastAdmin(tx, current);
    const now = new Date();
    if (role !== undefined && role !== current.role) {
      const [after] = await tx
        .update(members)
        .set({ role })
        .where(eq(members.id, current.id))
        .returning();
      await audit(tx, o.actor, "team.member.role_changed", current, after!, now);
      current = after!;
    }
    if (statusChange) {
      const [after] = await tx
        .update(members)
        .set({ status })
        .where(eq(members.id, current.id))
        .returning();
      const action =
        status === "DEACTIVATED" ? "team.member.deactivated" : "team.member.reactivated";
      await audit(tx, o.actor, action, current, after!, now);
      if (status === "DEACTIVATED") await revokeMemberGrants(tx, current.id);
      current = after!;
    }
    return current;
  });
}

export async function deactivateMember(
  db: SandboxDb,
  o: { teamId: string; actor: Member; memberId: string },
): Promise<Member> {
  return editMember(db, { ...o, req: { status: "DEACTIVATED" } });
}

/** An API-only member: no person, no password, never signs in on the portal. */
export async function createServiceUser(
  db: SandboxDb,
  o: { teamId: string; actor: Member; req: CreateServiceUserRequest },
): Promise<Member> {
  return db.transaction(async (tx) => {
    await assertEmailFree(tx, o.teamId, o.req.email);
    const now = new Date();
    const [member] = await tx
      .insert(members)
      .values({
        id: randomUUID(),
        teamId: o.teamId,
        personId: null,
        firstName: o.req.name,
        lastName: "",
        email: normalizeEmail(o.req.email),
        phoneNumber: null,
        role: o.req.role,
        status: "ACTIVE",
        access: "API",
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, {
      teamId: o.teamId,
      actor: actorOf(o.actor),
      action: "team.service_user.created",
      targetType: "service_user",
      targetId: member!.id,
      before: null,
      after: memberSnapshot(member!),
      at: now,
    });
    return member!;
  });
}

async function audit(
  tx: SandboxTx,
  actor: Member | null,
  action: AuditAction,
  before: Member | null,
  after: Member | null,
  at?: Date,
) {
  const target = (after ?? before)!;
  await recordAudit(tx, {
    teamId: target.teamId,
    actor: actor ? actorOf(actor) : null,
    action,
    targetType: "team_member",
    targetId: target.id,
    before: before && memberSnapshot(before),
    after: after && memberSnapshot(after),
    at,
  });
  await emitMemberEvent(tx, action, target);
}

// --- Invitation links (the portal's sign-up pages) ----------------------------------------------

export type InvitationLookup =
  | { kind: "unknown" }
  | { kind: "invalid"; team: Team }
  | { kind: "ok"; invitation: Invitation; member: Member; team: Team; hasLogin: boolean };

/** The invitation behind a link: usable while PENDING, unexpired, and its member still pending. */
export async function lookupInvitation(db: DbOrTx, token: string): Promise<InvitationLookup> {
  const [invitation] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!invitation) return { kind: "unknown" };
  const team = await teamOf(db, invitation.teamId);
  const [member] = await db.select().from(members).where(eq(members.id, invitation.memberId));
  if (
    invitation.status !== "PENDING" ||
    invitation.expiresAt.getTime() <= Date.now() ||
    !member ||
    member.status !== "PENDING" ||
    member.personId !== null
  ) {
    return { kind: "invalid", team };
  }
  const [person] = await db.select().from(people).where(eq(people.email, member.email));
  return { kind: "ok", invitation, member, team, hasLogin: Boolean(person?.passwordHash) };
}

export async function updateSignup(
  db: SandboxDb,
  invitationId: string,
  set: Partial<Pick<Invitation, "passwordHash" | "code" | "codeExpiresAt" | "attempts">>,
) {
  await db.update(invitations).set(set).where(eq(invitations.id, invitationId));
}

/**
 * Accepts an invitation after the phone check: creates the person (new emails, with the password
 * chosen on the first step) or links the existing one, activates the membership and ends the link.
 */
export async function joinTeam(db: SandboxDb, invitationId: string): Promise<Member> {
  return db.transaction(async (tx) => {
    const [inv] = await tx.select().from(invitations).where(eq(invitations.id, invitationId));
    const [member] = inv ? await tx.select().from(members).where(eq(members.id, inv.memberId)) : [];
    if (inv?.status !== "PENDING" || !member || member.status !== "PENDING") {
      throw new TeamRuleError(409, MESSAGES.noPendingInvite);
    }
    const now = new Date();
    let [person] = await tx.select().from(people).where(eq(people.email, member.email));
    if (!person) {
      if (!inv.passwordHash) throw new Error("joining without a password");
      [person] = await tx
        .insert(people)
        .values({
          id: randomUUID(),
          email: member.email,
          firstName: member.firstName,
          lastName: member.lastName,
          phoneNumber: member.phoneNumber,
          passwordHash: inv.passwordHash,
          createdAt: now,
        })
        .returning();
    } else if (!person.passwordHash && inv.passwordHash) {
      await tx
        .update(people)
        .set({ passwordHash: inv.passwordHash })
        .where(eq(people.id, person.id));
    }
    const [after] = await tx
      .update(members)
      .set({ personId: person!.id, status: "ACTIVE", inviteSentAt: null })
      .where(eq(members.id, member.id))
      .returning();
    await tx
      .update(invitations)
      .set({ status: "USED", usedAt: now, passwordHash: null, code: null })
      .where(eq(invitations.id, inv.id));
    await audit(tx, null, "team.member.joined", member, after!, now);
    return after!;
  });
}
