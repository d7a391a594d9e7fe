/**
 * The deterministic seed: two business customers of one group, their teams, people in every role
 * and member status, a few pockets, and the team's recent audit history. Ids come from names
 * (ids.ts); the founding rows have fixed timestamps and the recent history (invitations, a role
 * change, a deactivation) is dated relative to the seed time, so a reseed gives the same data but
 * for those dates, password hashes (random salts) and audit entry ids.
 */
import { sql } from "drizzle-orm";
import { addDays } from "../lib/jiko/business-days";
import type { Role } from "../lib/jiko/roles";
import { actorOf, memberSnapshot, recordAudit } from "./audit";
import { seedCompany } from "./company/seed-company";
import type { SandboxDb } from "./db/open";
import { customers, members, people, pockets, teams } from "./db/schema";
import type { Member } from "./directory";
import { stableId } from "./ids";
import { newYorkDate } from "./ledger/clock";
import { HISTORY_DAYS, type SeedPocketKey, type SeedSize, seedLedger } from "./ledger/seed-history";
import { hashPassword } from "./passwords";
import { seedCounterparties } from "./transfers/seed-counterparties";
import { seedTransferRequests } from "./transfers/seed-requests";

type MemberStatus = "ACTIVE" | "PENDING" | "DEACTIVATED";

interface SeedPerson {
  first: string;
  last: string;
  email: string;
  phone: string;
  /** false: an invitation nobody accepted — no login, no password. */
  hasLogin: boolean;
}

const PEOPLE = {
  avery: {
    first: "Avery",
    last: "Chen",
    email: "avery.chen@harborline.example",
    phone: "+14155550101",
    hasLogin: true,
  },
  jordan: {
    first: "Jordan",
    last: "Patel",
    email: "jordan.patel@harborline.example",
    phone: "+14155550102",
    hasLogin: true,
  },
  sam: {
    first: "Sam",
    last: "Rivera",
    email: "sam.rivera@harborline.example",
    phone: "+14155550103",
    hasLogin: true,
  },
  morgan: {
    first: "Morgan",
    last: "Lee",
    email: "morgan.lee@harborline.example",
    phone: "+14155550104",
    hasLogin: true,
  },
  taylor: {
    first: "Taylor",
    last: "Brooks",
    email: "taylor.brooks@harborline.example",
    phone: "+14155550105",
    hasLogin: false,
  },
  casey: {
    first: "Casey",
    last: "Nguyen",
    email: "casey.nguyen@harborline.example",
    phone: "+14155550106",
    hasLogin: true,
  },
  lena: {
    first: "Lena",
    last: "de Vries",
    email: "lena.devries@harborline.example",
    phone: "+14155550107",
    hasLogin: true,
  },
} satisfies Record<string, SeedPerson>;

type PersonKey = keyof typeof PEOPLE;

const personId = (key: PersonKey) => stableId("person", PEOPLE[key].email);

const US = "Harborline Logistics, Inc.";
const EU = "Harborline Europe B.V.";

/** Ids tests and scripts may rely on (same on every seed). */
export const SEED = {
  customers: { us: stableId("customer", US), eu: stableId("customer", EU) },
  teams: {
    us: stableId("team", "Harborline Treasury"),
    eu: stableId("team", "Harborline Europe"),
  },
  people: Object.fromEntries(
    Object.entries(PEOPLE).map(([k, p]) => [k, { id: personId(k as PersonKey), email: p.email }]),
  ) as Record<PersonKey, { id: string; email: string }>,
} as const;

export const memberId = (teamId: string, email: string) => stableId("member", `${teamId}:${email}`);

const day = (iso: string) => new Date(`${iso}T15:00:00.000Z`);

/** `since`: a fixed day, or days before the seed time (members invited in the audit history). */
const MEMBERSHIPS: Array<{
  team: keyof typeof SEED.teams;
  person: PersonKey;
  role: Role;
  status: MemberStatus;
  since: string | number;
}> = [
  { team: "us", person: "avery", role: "ADMIN", status: "ACTIVE", since: "2024-03-04" },
  { team: "us", person: "jordan", role: "REVIEWER", status: "ACTIVE", since: "2024-03-05" },
  { team: "us", person: "sam", role: "INITIATOR", status: "ACTIVE", since: 150 },
  { team: "us", person: "morgan", role: "READ_ONLY", status: "ACTIVE", since: 140 },
  { team: "us", person: "taylor", role: "INITIATOR", status: "PENDING", since: 3 },
  { team: "us", person: "casey", role: "READ_ONLY", status: "DEACTIVATED", since: 120 },
  { team: "eu", person: "jordan", role: "ADMIN", status: "ACTIVE", since: "2024-09-02" },
  { team: "eu", person: "lena", role: "ADMIN", status: "ACTIVE", since: "2024-09-02" },
];

const DAY_MS = 24 * 60 * 60 * 1000;

const POCKETS: Array<{
  key: SeedPocketKey;
  customer: keyof typeof SEED.customers;
  name: string;
  strategy: string;
}> = [
  { key: "operating", customer: "us", name: "Operating Reserve (4-week)", strategy: "UST-4W" },
  { key: "payroll", customer: "us", name: "Payroll (13-week)", strategy: "UST-13W" },
  { key: "tax", customer: "us", name: "Tax Reserve (26-week)", strategy: "UST-26W" },
  { key: "strategic", customer: "us", name: "Strategic Reserve (52-week)", strategy: "UST-52W" },
  { key: "euOperating", customer: "eu", name: "EU Operating (4-week)", strategy: "UST-4W" },
  {
    key: "euBuffer",
    customer: "eu",
    name: "EU Liquidity Buffer (13-week)",
    strategy: "UST-13W",
  },
];

const pocketId = (p: (typeof POCKETS)[number]) => stableId("pocket", `${p.customer}:${p.name}`);

/** Seeded pocket ids by key (same on every seed). */
export const SEED_POCKETS = Object.fromEntries(POCKETS.map((p) => [p.key, pocketId(p)])) as Record<
  SeedPocketKey,
  string
>;

export async function isSeeded(db: SandboxDb): Promise<boolean> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(customers);
  return (rows[0]?.n ?? 0) > 0;
}

export async function seed(
  db: SandboxDb,
  password: string,
  now = new Date(),
  size: SeedSize = "standard",
): Promise<void> {
  const ago = (days: number, hours = 0) =>
    new Date(now.getTime() - days * DAY_MS - hours * 3_600_000);
  const since = (s: string | number) => (typeof s === "number" ? ago(s) : day(s));
  const logins = (Object.keys(PEOPLE) as PersonKey[]).filter((k) => PEOPLE[k].hasLogin);
  const hashes = await Promise.all(logins.map(() => hashPassword(password)));

  await db.transaction(async (tx) => {
    await tx.insert(customers).values([
      {
        id: SEED.customers.us,
        type: "BUSINESS",
        name: US,
        email: "treasury@harborline.example",
        phoneNumber: "+14155550100",
        address: {
          street_address: "1200 Embarcadero West",
          street_address2: "Suite 400",
          city: "Oakland",
          postal_code: "94607",
          state: "CA",
          country: "US",
        },
        identification: {
          identification_number: "94-3185527",
          issuing_country: "US",
          type: "EIN",
        },
        accountStatus: "OPEN",
        createdAt: day("2024-03-01"),
      },
      {
        id: SEED.customers.eu,
        type: "BUSINESS",
        name: EU,
        email: "treasury.eu@harborline.example",
        phoneNumber: "+31205550100",
        address: {
          street_address: "Keizersgracht 123",
          street_address2: null,
          city: "Amsterdam",
          postal_code: "1015 CJ",
          state: "NH",
          country: "NL",
        },
        identification: {
          identification_number: "81234567",
          issuing_country: "NL",
          type: "NON_US_BUSINESS_ID",
        },
        accountStatus: "OPEN",
        createdAt: day("2024-08-26"),
      },
    ]);
    await tx.insert(teams).values([
      {
        id: SEED.teams.us,
        customerId: SEED.customers.us,
        name: "Harborline Treasury",
        createdAt: day("2024-03-01"),
      },
      {
        id: SEED.teams.eu,
        customerId: SEED.customers.eu,
        name: "Harborline Europe",
        createdAt: day("2024-08-26"),
      },
    ]);
    await tx.insert(people).values(
      logins.map((k, i) => ({
        id: personId(k),
        email: PEOPLE[k].email,
        firstName: PEOPLE[k].first,
        lastName: PEOPLE[k].last,
        phoneNumber: PEOPLE[k].phone,
        passwordHash: hashes[i]!,
        createdAt: day("2024-03-01"),
      })),
    );
    const rows: Member[] = MEMBERSHIPS.map((m) => {
      const p = PEOPLE[m.person];
      const teamId = SEED.teams[m.team];
      return {
        id: memberId(teamId, p.email),
        teamId,
        personId: p.hasLogin ? personId(m.person) : null,
        firstName: p.first,
        lastName: p.last,
        email: p.email,
        phoneNumber: p.phone,
        role: m.role,
        status: m.status,
        access: "WEB",
        createdAt: since(m.since),
        lastLoginAt: null,
        inviteSentAt: m.status === "PENDING" ? since(m.since) : null,
      };
    });
    await tx.insert(members).values(rows);

    // Harborline Treasury's recent history, consistent with the members' created_at above.
    const us = (k: PersonKey) =>
      rows.find((r) => r.teamId === SEED.teams.us && r.email === PEOPLE[k].email)!;
    const avery = actorOf(us("avery"));
    const snap = (k: PersonKey, over: Partial<Member> = {}) =>
      memberSnapshot({ ...us(k), ...over });
    const pending = { personId: null, status: "PENDING" };
    const history: Array<Parameters<typeof recordAudit>[1]> = [];
    const join = (k: PersonKey, invited: number, role: Role) => {
      history.push(
        {
          teamId: SEED.teams.us,
          actor: avery,
          action: "team.member.invited",
          targetType: "team_member",
          targetId: us(k).id,
          before: null,
          after: snap(k, { ...pending, role }),
          at: ago(invited),
        },
        {
          teamId: SEED.teams.us,
          actor: null,
          action: "team.member.joined",
          targetType: "team_member",
          targetId: us(k).id,
          before: snap(k, { ...pending, role }),
          after: snap(k, { status: "ACTIVE", role }),
          at: ago(invited - 1, 2),
        },
      );
    };
    join("sam", 150, "INITIATOR");
    join("morgan", 140, "INITIATOR");
    join("casey", 120, "READ_ONLY");
    history.push(
      {
        teamId: SEED.teams.us,
        actor: avery,
        action: "team.member.role_changed",
        targetType: "team_member",
        targetId: us("morgan").id,
        before: snap("morgan", { role: "INITIATOR" }),
        after: snap("morgan"),
        at: ago(60),
      },
      {
        teamId: SEED.teams.us,
        actor: avery,
        action: "team.member.deactivated",
        targetType: "team_member",
        targetId: us("casey").id,
        before: snap("casey", { status: "ACTIVE" }),
        after: snap("casey"),
        at: ago(30),
      },
      {
        teamId: SEED.teams.us,
        actor: avery,
        action: "team.member.invited",
        targetType: "team_member",
        targetId: us("taylor").id,
        before: null,
        after: snap("taylor"),
        at: ago(3),
      },
    );
    history.sort((a, b) => a.at!.getTime() - b.at!.getTime());
    for (const entry of history) await recordAudit(tx, entry);
    // The pockets open HISTORY_DAYS before today; their money is the ledger's (ledger/).
    const today = newYorkDate(now);
    const start = addDays(today, -HISTORY_DAYS);
    await tx.insert(pockets).values(
      POCKETS.map((p, i) => ({
        id: pocketId(p),
        customerId: SEED.customers[p.customer],
        pocketName: p.name,
        status: "OPEN",
        depositStrategyId: p.strategy,
        reinvestmentStrategyId: p.strategy,
        openedOn: start,
        // One minute apart: lists keep the seed's order.
        createdAt: new Date(day(start).getTime() + i * 60_000),
      })),
    );
    await seedLedger(
      tx,
      POCKETS.map((p) => ({
        key: p.key,
        id: pocketId(p),
        depositStrategyId: p.strategy,
        reinvestmentStrategyId: p.strategy,
      })),
      now,
      size,
    );
    await seedCounterparties(tx, {
      customers: SEED.customers,
      usName: US,
      euName: EU,
      usPocketId: SEED_POCKETS.operating,
      euPocketId: SEED_POCKETS.euOperating,
      now,
    });
    // Approvers have something to review from the first sign-in.
    await seedTransferRequests(tx, now, { customerId: SEED.customers.us, teamId: SEED.teams.us });
    await seedCompany(tx, {
      customerId: SEED.customers.us,
      founded: day("2024-03-01"),
      actor: { memberId: memberId(SEED.teams.us, PEOPLE.avery.email), name: "Avery Chen" },
    });
  });
}
