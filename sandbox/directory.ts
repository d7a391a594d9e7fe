/**
 * Read models over the tenant tables (people, teams, members, customers, pockets), shared by the
 * portal and the Customer API so both see a person's teams the same way.
 */
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { SandboxDb } from "./db/open";
import { customers, members, people, pockets, teams } from "./db/schema";

export type Person = typeof people.$inferSelect;
export type Member = typeof members.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Customer = typeof customers.$inferSelect;
export type Pocket = typeof pockets.$inferSelect;

export interface Membership {
  member: Member;
  team: Team;
  customer: Customer;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function findPersonByEmail(db: SandboxDb, email: string): Promise<Person | undefined> {
  const [row] = await db
    .select()
    .from(people)
    .where(eq(people.email, normalizeEmail(email)));
  return row;
}

export async function findPerson(db: SandboxDb, id: string): Promise<Person | undefined> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row;
}

/**
 * Every membership of a person: linked ones, plus invitations to the person's email nobody has
 * accepted yet (Jiko would show those as pending). Oldest first.
 */
export async function membershipsOf(
  db: SandboxDb,
  person: Pick<Person, "id" | "email">,
): Promise<Membership[]> {
  const rows = await db
    .select({ member: members, team: teams, customer: customers })
    .from(members)
    .innerJoin(teams, eq(teams.id, members.teamId))
    .innerJoin(customers, eq(customers.id, teams.customerId))
    .where(
      or(
        eq(members.personId, person.id),
        and(
          isNull(members.personId),
          eq(members.access, "WEB"),
          eq(members.email, normalizeEmail(person.email)),
        ),
      ),
    )
    .orderBy(asc(members.createdAt), asc(teams.name));
  return rows;
}

/** Members (any status) with this email and no login: pending invitations (not service users). */
export async function invitationsFor(db: SandboxDb, email: string): Promise<Member[]> {
  return db
    .select()
    .from(members)
    .where(
      and(
        isNull(members.personId),
        eq(members.access, "WEB"),
        eq(members.email, normalizeEmail(email)),
      ),
    );
}

export async function membershipIn(
  db: SandboxDb,
  personId: string,
  teamId: string,
): Promise<Membership | undefined> {
  const [row] = await db
    .select({ member: members, team: teams, customer: customers })
    .from(members)
    .innerJoin(teams, eq(teams.id, members.teamId))
    .innerJoin(customers, eq(customers.id, teams.customerId))
    .where(and(eq(members.personId, personId), eq(members.teamId, teamId)));
  return row;
}

export async function findMember(db: SandboxDb, memberId: string): Promise<Member | undefined> {
  const [row] = await db.select().from(members).where(eq(members.id, memberId));
  return row;
}

export async function teamWithCustomer(
  db: SandboxDb,
  teamId: string,
): Promise<{ team: Team; customer: Customer } | undefined> {
  const [row] = await db
    .select({ team: teams, customer: customers })
    .from(teams)
    .innerJoin(customers, eq(customers.id, teams.customerId))
    .where(eq(teams.id, teamId));
  return row;
}

export async function teamMembers(db: SandboxDb, teamId: string): Promise<Member[]> {
  return db
    .select()
    .from(members)
    .where(eq(members.teamId, teamId))
    .orderBy(asc(members.createdAt), asc(members.lastName), asc(members.firstName));
}

export async function pocketsOfTeam(db: SandboxDb, teamId: string): Promise<Pocket[]> {
  return db
    .select({ pocket: pockets })
    .from(pockets)
    .innerJoin(teams, eq(teams.customerId, pockets.customerId))
    .where(and(eq(teams.id, teamId), inArray(pockets.status, ["OPEN", "FROZEN", "PENDING"])))
    .orderBy(asc(pockets.createdAt), asc(pockets.pocketName))
    .then((rows) => rows.map((r) => r.pocket));
}

/** Records a completed sign-in on the person and on each of their active memberships. */
/** Every pocket of a customer, any status, in creation order (the Pockets v2 list's order). */
export async function pocketsOfCustomer(db: SandboxDb, customerId: string): Promise<Pocket[]> {
  return db
    .select()
    .from(pockets)
    .where(eq(pockets.customerId, customerId))
    .orderBy(asc(pockets.createdAt), asc(pockets.id));
}

export async function recordLogin(db: SandboxDb, personId: string, at = new Date()) {
  await db.update(people).set({ lastLoginAt: at }).where(eq(people.id, personId));
  await db
    .update(members)
    .set({ lastLoginAt: at })
    .where(and(eq(members.personId, personId), eq(members.status, "ACTIVE")));
}

/** Everyone the sandbox knows by email: people with a login, and invitees without one. */
export async function allMembershipsByEmail(db: SandboxDb) {
  const rows = await db
    .select({ member: members, team: teams, customer: customers, person: people })
    .from(members)
    .innerJoin(teams, eq(teams.id, members.teamId))
    .innerJoin(customers, eq(customers.id, teams.customerId))
    .leftJoin(people, eq(people.id, members.personId))
    .orderBy(asc(sql`coalesce(${people.createdAt}, ${members.createdAt})`), asc(members.email));
  const byEmail = new Map<string, typeof rows>();
  for (const row of rows) {
    const email = row.person?.email ?? row.member.email;
    byEmail.set(email, [...(byEmail.get(email) ?? []), row]);
  }
  return byEmail;
}
