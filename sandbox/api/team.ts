/**
 * Team administration and Team Audits endpoints of the Customer API. Bodies are parsed with the
 * contract's request schemas (FastAPI 422 on failure) and answers with its response schemas.
 */
import { and, eq, or } from "drizzle-orm";
import type { Context } from "hono";
import { z } from "zod";
import { AuditLogQuery } from "../../lib/jiko/audit";
import {
  CreateServiceUserRequest,
  EditTeamMemberRequest,
  InviteMemberRequest,
  TeamMessage,
} from "../../lib/jiko/team";
import { type AuditFilter, auditCsvStream, auditPage, decodeCursor } from "../audit";
import type { SandboxDb } from "../db/open";
import { auditLog, members } from "../db/schema";
import { csvResponse } from "../http/csv";
import { jsonDecodeDetail, type Source, validationDetail } from "../http/errors";
import {
  assertAdmin,
  cancelInvite,
  createServiceUser,
  deactivateMember,
  editMember,
  getTeamMember,
  inviteMember,
  resendInvite,
  TeamRuleError,
} from "../team-admin";
import type { Principal } from "./auth";
import { teamMember } from "./identity";

/** A FastAPI 422: `{"detail": [issues]}`. */
export class RequestInvalid extends Error {
  constructor(readonly detail: unknown[]) {
    super("request invalid");
  }
}

export type ApiContext = Context<{ Variables: { portalUrl: string } }>;

export function parse<T extends z.ZodType>(schema: T, value: unknown, source: Source): z.infer<T> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new RequestInvalid(validationDetail(parsed.error, source));
  return parsed.data;
}

export async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new RequestInvalid(jsonDecodeDetail());
  }
  return parse(schema, value, "body");
}

const MemberPath = z.object({ member_id: z.uuid() });
const memberIdOf = (c: Context) =>
  parse(MemberPath, { member_id: c.req.param("member_id") }, "path").member_id;

const admin = (p: Principal) => {
  assertAdmin(p.member);
  return p.member;
};

const portalUrlOf = (c: Context) => (c as ApiContext).get("portalUrl");

// --- Team --------------------------------------------------------------------------------------

export async function getMember(db: SandboxDb, p: Principal, c: Context) {
  return teamMember(await getTeamMember(db, p.teamId, memberIdOf(c)));
}

export async function putMember(db: SandboxDb, p: Principal, c: Context) {
  const memberId = memberIdOf(c);
  const req = await body(c, EditTeamMemberRequest);
  const actor = admin(p);
  return teamMember(await editMember(db, { teamId: p.teamId, actor, memberId, req }));
}

export async function deleteMember(db: SandboxDb, p: Principal, c: Context) {
  const memberId = memberIdOf(c);
  const actor = admin(p);
  return teamMember(await deactivateMember(db, { teamId: p.teamId, actor, memberId }));
}

export async function invite(db: SandboxDb, p: Principal, c: Context) {
  const req = await body(c, InviteMemberRequest);
  const actor = admin(p);
  const m = await inviteMember(db, { teamId: p.teamId, actor, req, portalUrl: portalUrlOf(c) });
  return c.json(teamMember(m), 201);
}

export async function resend(db: SandboxDb, p: Principal, c: Context) {
  const memberId = memberIdOf(c);
  const actor = admin(p);
  await resendInvite(db, { teamId: p.teamId, actor, memberId, portalUrl: portalUrlOf(c) });
  return TeamMessage.parse({ detail: "Invitation sent" });
}

export async function cancel(db: SandboxDb, p: Principal, c: Context) {
  const memberId = memberIdOf(c);
  const actor = admin(p);
  await cancelInvite(db, { teamId: p.teamId, actor, memberId });
  return TeamMessage.parse({ detail: "Invitation cancelled" });
}

export async function serviceUser(db: SandboxDb, p: Principal, c: Context) {
  const req = await body(c, CreateServiceUserRequest);
  const actor = admin(p);
  return c.json(teamMember(await createServiceUser(db, { teamId: p.teamId, actor, req })), 201);
}

// --- Team Audits -------------------------------------------------------------------------------

const SINGLE = ["member_id", "timestamp_from", "timestamp_to", "cursor", "limit"] as const;

function auditQuery(c: Context, teamId: string, pathMemberId?: string) {
  const raw: Record<string, unknown> = {};
  for (const k of SINGLE) {
    const v = c.req.query(k);
    if (v !== undefined) raw[k] = v;
  }
  // `action[]` as the contract names it; a plain repeated `action` is accepted too.
  const actions = [...(c.req.queries("action[]") ?? []), ...(c.req.queries("action") ?? [])];
  if (actions.length) raw["action[]"] = actions;
  const q = parse(AuditLogQuery, raw, "query");
  const filter: AuditFilter = {
    teamId,
    memberIds: [pathMemberId, q.member_id].filter((x): x is string => Boolean(x)),
    from: q.timestamp_from ? new Date(q.timestamp_from) : undefined,
    to: q.timestamp_to ? new Date(q.timestamp_to) : undefined,
    actions: q["action[]"],
  };
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
  if (q.cursor && !cursor) {
    throw new RequestInvalid([
      { loc: ["query", "cursor"], msg: "Invalid cursor", type: "value_error", input: q.cursor },
    ]);
  }
  return { filter, cursor, limit: q.limit ?? 30 };
}

export async function auditLogs(db: SandboxDb, p: Principal, c: Context) {
  const { filter, cursor, limit } = auditQuery(c, p.teamId);
  return auditPage(db, filter, { cursor, limit });
}

/** A member of this team, or one this team's log mentions (a cancelled invitee); else 404. */
async function assertAuditSubject(db: SandboxDb, teamId: string, memberId: string) {
  const [m] = await db.select().from(members).where(eq(members.id, memberId));
  if (m) {
    if (m.teamId !== teamId) throw new TeamRuleError(404, "Not Found");
    return;
  }
  const [mentioned] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.teamId, teamId),
        or(eq(auditLog.targetId, memberId), eq(auditLog.actorMemberId, memberId)),
      ),
    )
    .limit(1);
  if (!mentioned) throw new TeamRuleError(404, "Not Found");
}

export async function memberAuditLogs(db: SandboxDb, p: Principal, c: Context) {
  const memberId = memberIdOf(c);
  const { filter, cursor, limit } = auditQuery(c, p.teamId, memberId);
  await assertAuditSubject(db, p.teamId, memberId);
  return auditPage(db, filter, { cursor, limit });
}

/** All matching rows, newest first, streamed from the database a page at a time. */
export async function auditCsv(db: SandboxDb, p: Principal, c: Context) {
  const { filter } = auditQuery(c, p.teamId);
  return csvResponse(auditCsvStream(db, filter), "audit-logs.csv");
}
