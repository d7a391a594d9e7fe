/**
 * Many members at once for one team (sandbox route, benchmarks only): what `count` invitations,
 * half of them accepted, leave behind through team-admin.ts — PENDING members with a live
 * invitation each, and ACTIVE members linked to a person of their own — without paying the
 * API's per-call cost (audit entries and emails are not written: nobody reads them here).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { ROLES } from "../lib/jiko/roles";
import type { SandboxDb } from "./db/open";
import { invitations, members, people, teams } from "./db/schema";
import { hashToken, INVITE_TTL_MS } from "./team-admin";

export class TeamNotFound extends Error {}

/** Rows per INSERT: PGlite takes a few hundred rows of parameters comfortably. */
const CHUNK = 200;

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/**
 * Adds `count` members to the team named by id or name: even positions invited (PENDING), odd
 * positions joined (ACTIVE), roles in turn except ADMIN. Returns the team's id and the new ids.
 */
export async function insertTeamMembers(
  db: SandboxDb,
  o: { team: { id: string } | { name: string }; count: number; now?: Date },
): Promise<{ teamId: string; ids: string[] }> {
  return db.transaction(async (tx) => {
    const where = "id" in o.team ? eq(teams.id, o.team.id) : eq(teams.name, o.team.name);
    const [team] = await tx.select().from(teams).where(where);
    if (!team) throw new TeamNotFound("No team with this id or name");
    const now = o.now ?? new Date();
    const batch = randomBytes(4).toString("hex");
    const roles = ROLES.filter((r) => r !== "ADMIN");
    const rows = Array.from({ length: o.count }, (_, i) => {
      const active = i % 2 === 1;
      const email = `member-${batch}-${i + 1}@bulk.example`;
      return {
        member: {
          id: randomUUID(),
          teamId: team.id,
          personId: active ? randomUUID() : null,
          firstName: "Bulk",
          lastName: `Member ${i + 1}`,
          email,
          phoneNumber: null,
          role: roles[i % roles.length]!,
          status: active ? "ACTIVE" : "PENDING",
          access: "WEB",
          createdAt: now,
          inviteSentAt: active ? null : now,
        },
      };
    });
    const personRows = rows
      .filter((r) => r.member.personId)
      .map((r) => ({
        id: r.member.personId!,
        email: r.member.email,
        firstName: r.member.firstName,
        lastName: r.member.lastName,
        phoneNumber: null,
        passwordHash: null,
        createdAt: now,
      }));
    for (const part of chunks(personRows)) await tx.insert(people).values(part);
    for (const part of chunks(rows.map((r) => r.member))) await tx.insert(members).values(part);
    const inviteRows = rows
      .filter((r) => r.member.status === "PENDING")
      .map((r) => ({
        tokenHash: hashToken(randomBytes(32).toString("base64url")),
        teamId: team.id,
        memberId: r.member.id,
        email: r.member.email,
        status: "PENDING",
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
      }));
    for (const part of chunks(inviteRows)) await tx.insert(invitations).values(part);
    return { teamId: team.id, ids: rows.map((r) => r.member.id) };
  });
}
