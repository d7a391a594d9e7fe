/**
 * User, Team and Customer endpoints. Every body is built to, and checked against, the contract's
 * zod schemas (lib/jiko), so a drift fails loudly here rather than in the dashboard.
 */
import { Customer } from "../../lib/jiko/customer";
import { MEMBER_STATUSES } from "../../lib/jiko/roles";
import { TeamMember, TeamResponse } from "../../lib/jiko/team";
import { MembershipList, UserInfo } from "../../lib/jiko/user";
import type { SandboxDb } from "../db/open";
import {
  findPerson,
  type Member,
  membershipsOf,
  teamMembers,
  teamWithCustomer,
} from "../directory";
import type { Principal } from "./auth";

export class PersonRequired extends Error {}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function personOf(db: SandboxDb, p: Principal) {
  if (p.kind !== "person" || !p.personId || !p.member) throw new PersonRequired();
  const person = await findPerson(db, p.personId);
  if (!person) throw new PersonRequired();
  return { person, member: p.member };
}

export async function userInfo(db: SandboxDb, p: Principal): Promise<UserInfo> {
  const { person, member } = await personOf(db, p);
  const tc = await teamWithCustomer(db, p.teamId);
  if (!tc) throw new Error(`team ${p.teamId} vanished`);
  return UserInfo.parse({
    user_id: person.id,
    email: person.email,
    name: `${person.firstName} ${person.lastName}`,
    first_name: person.firstName,
    last_name: person.lastName,
    phone_number: person.phoneNumber,
    role: member.role,
    team_id: tc.team.id,
    team_name: tc.team.name,
    member_id: member.id,
    customer_id: tc.customer.id,
    object_type: "UserInfo",
  });
}

export async function memberships(db: SandboxDb, p: Principal): Promise<MembershipList> {
  const { person } = await personOf(db, p);
  const items = (await membershipsOf(db, person)).map((m) => ({
    member_id: m.member.id,
    team_id: m.team.id,
    team_name: m.team.name,
    customer_id: m.customer.id,
    customer_name: m.customer.name,
    role: m.member.role,
    status: m.member.status,
    object_type: "MembershipInfo" as const,
  }));
  return MembershipList.parse({ offset: 0, count: items.length, items, object_type: "List" });
}

/** A member as the Customer API shows it (lib/jiko/team.ts TeamMember). */
export function teamMember(m: Member): TeamMember {
  return TeamMember.parse({
    id: m.id,
    user_id: m.personId,
    first_name: m.firstName,
    last_name: m.lastName,
    email: m.email,
    phone_number: m.phoneNumber,
    role: m.role,
    status: m.status,
    access: m.access,
    created_at: m.createdAt.toISOString(),
    last_login_at: iso(m.lastLoginAt),
    invite_sent_at: m.status === "PENDING" ? iso(m.inviteSentAt) : null,
    object_type: "TeamMember",
  });
}

export async function team(db: SandboxDb, p: Principal): Promise<TeamResponse> {
  const tc = await teamWithCustomer(db, p.teamId);
  if (!tc) throw new Error(`team ${p.teamId} vanished`);
  const all = await teamMembers(db, p.teamId);
  return TeamResponse.parse({
    team_id: tc.team.id,
    team_name: tc.team.name,
    member_groups: MEMBER_STATUSES.map((status) => ({
      status,
      members: all.filter((m) => m.status === status).map(teamMember),
      object_type: "MemberGroup",
    })),
    object_type: "Team",
  });
}

export async function customer(db: SandboxDb, p: Principal): Promise<Customer> {
  const tc = await teamWithCustomer(db, p.teamId);
  if (!tc) throw new Error(`team ${p.teamId} vanished`);
  const c = tc.customer;
  return Customer.parse({
    type: c.type,
    name: c.name,
    email: c.email,
    phone_number: c.phoneNumber,
    account_status: c.accountStatus,
    address: c.address,
    identification_number: c.identification,
  });
}
