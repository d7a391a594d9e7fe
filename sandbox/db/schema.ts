/**
 * The sandbox's own database (PGlite): the emulated Jiko tenant (customers, teams, people,
 * members, pockets), the portal's OAuth state (clients, oidc-provider's models, consents, the
 * team each grant acts for, login codes) and the outbox of messages it would have sent.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { COUNTERPARTY_SQL, DETAILS_NEED_JS_SQL } from "../ledger/flow-details";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
/** A calendar day as "YYYY-MM-DD". */
const day = (name: string) => date(name, { mode: "string" });
/** Integer cents (bigint: pockets hold more than 2^31 cents). */
const cents = (name: string) => bigint(name, { mode: "number" });

export const customers = pgTable("customers", {
  id: uuid("id").primaryKey(),
  /** BUSINESS | INDIVIDUAL (lib/jiko/customer.ts). */
  type: text("type").notNull(),
  name: text("name").notNull(),
  email: text("email").notNull(),
  phoneNumber: text("phone_number").notNull(),
  /** lib/jiko/customer.ts Address. */
  address: jsonb("address").notNull(),
  /** `{identification_number, issuing_country, type}`. */
  identification: jsonb("identification").notNull(),
  accountStatus: text("account_status").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const teams = pgTable("teams", {
  id: uuid("id").primaryKey(),
  customerId: uuid("customer_id")
    .notNull()
    .references(() => customers.id),
  name: text("name").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/** A login at Jiko: one per email, possibly a member of several teams. */
export const people = pgTable("people", {
  id: uuid("id").primaryKey(),
  email: text("email").notNull().unique(),
  firstName: text("first_name").notNull(),
  lastName: text("last_name").notNull(),
  phoneNumber: text("phone_number"),
  /** `scrypt$N$r$p$salt$hash`; null until an invitation is accepted. */
  passwordHash: text("password_hash"),
  createdAt: ts("created_at").notNull().defaultNow(),
  lastLoginAt: ts("last_login_at"),
});

/** Team membership. `person_id` is null for an invitation nobody has accepted yet. */
export const members = pgTable(
  "members",
  {
    id: uuid("id").primaryKey(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    personId: uuid("person_id").references(() => people.id),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull(),
    phoneNumber: text("phone_number"),
    role: text("role").notNull(),
    status: text("status").notNull(),
    access: text("access").notNull().default("WEB"),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastLoginAt: ts("last_login_at"),
    /** When the current invitation was sent (PENDING members only). */
    inviteSentAt: ts("invite_sent_at"),
  },
  (t) => [
    uniqueIndex("members_team_email_idx").on(t.teamId, t.email),
    index("members_person_idx").on(t.personId),
  ],
);

/** A pocket; its money lives in the ledger tables below (sandbox/ledger). */
export const pockets = pgTable(
  "pockets",
  {
    id: uuid("id").primaryKey(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    pocketName: text("pocket_name").notNull(),
    status: text("status").notNull(),
    depositStrategyId: text("deposit_strategy_id").notNull(),
    reinvestmentStrategyId: text("reinvestment_strategy_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
    /** The pocket's first day (New York date on the sandbox clock); EOD is 0 before it. */
    openedOn: day("opened_on").notNull(),
    closureReason: text("closure_reason"),
    closedAt: ts("closed_at"),
  },
  (t) => [index("pockets_customer_idx").on(t.customerId)],
);

/** Money into and out of a pocket (cents), dated by the New York day it takes effect. */
export const pocketFlows = pgTable(
  "pocket_flows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: serial("seq").notNull(),
    pocketId: uuid("pocket_id")
      .notNull()
      .references(() => pockets.id),
    date: day("date").notNull(),
    /** DEPOSIT | WITHDRAWAL */
    kind: text("kind").notNull(),
    amount: cents("amount").notNull(),
    description: text("description").notNull(),
    bookedAt: ts("booked_at").notNull().defaultNow(),
    /** The Transactions v2 view of the flow: its transaction, rail and the rail's own fields. */
    transactionId: uuid("transaction_id").notNull().defaultRandom(),
    /** ACH | WIRE | CARD | ON_US | FEE | CREDIT | GENERIC (lib/jiko/transactions.ts). */
    rail: text("rail").notNull().default("ACH"),
    /** The rail's transfer (ach_id, wire_id, on_us_id): what the `wire[]` filters match. */
    transferId: uuid("transfer_id"),
    /** The variant's own fields (company_name, counterparty_name, …), as Jiko names them. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** Read from `details` by Postgres as the row is written, for the CSV (ledger/flow-details.ts). */
    counterparty: text("counterparty").generatedAlwaysAs(sql.raw(COUNTERPARTY_SQL)),
    detailsNeedJs: boolean("details_need_js").generatedAlwaysAs(sql.raw(DETAILS_NEED_JS_SQL)),
  },
  (t) => [
    index("pocket_flows_pocket_date_idx").on(t.pocketId, t.date),
    index("pocket_flows_booked_idx").on(t.pocketId, t.bookedAt, t.seq),
  ],
);

/**
 * Each pocket's net flow of each day (deposits less withdrawals, cents), kept by triggers on
 * pocket_flows in the statement that changes it (migration 0010). A pocket's cash and its net
 * deposits read these few thousand days, not its flows one by one: at a million flows the sums
 * over pocket_flows took 400 ms each.
 */
export const pocketFlowDays = pgTable(
  "pocket_flow_days",
  {
    pocketId: uuid("pocket_id")
      .notNull()
      .references(() => pockets.id),
    date: day("date").notNull(),
    net: cents("net").notNull(),
  },
  (t) => [primaryKey({ columns: [t.pocketId, t.date] })],
);

/** T-bill trades: BUY, SELL, MATURITY. quantity = $100-face units; price per 100 in 1e-6. */
export const pocketTrades = pgTable(
  "pocket_trades",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: serial("seq").notNull(),
    pocketId: uuid("pocket_id")
      .notNull()
      .references(() => pockets.id),
    kind: text("kind").notNull(),
    cusip: text("cusip").notNull(),
    maturityDate: day("maturity_date").notNull(),
    quantity: integer("quantity").notNull(),
    priceMicros: integer("price_micros").notNull(),
    amount: cents("amount").notNull(),
    tradeDate: day("trade_date").notNull(),
    settlementDate: day("settlement_date").notNull(),
  },
  (t) => [index("pocket_trades_pocket_date_idx").on(t.pocketId, t.settlementDate)],
);

/** The bills a pocket holds now, lot by lot (what sales draw on, nearest maturity first). */
export const pocketLots = pgTable(
  "pocket_lots",
  {
    id: serial("id").primaryKey(),
    pocketId: uuid("pocket_id")
      .notNull()
      .references(() => pockets.id),
    cusip: text("cusip").notNull(),
    maturityDate: day("maturity_date").notNull(),
    quantity: integer("quantity").notNull(),
    purchasePriceMicros: integer("purchase_price_micros").notNull(),
    purchaseDate: day("purchase_date").notNull(),
  },
  (t) => [index("pocket_lots_pocket_idx").on(t.pocketId)],
);

/** End-of-day values (cents): a cache of what the ledger and the curve give, recomputable. */
export const pocketEod = pgTable(
  "pocket_eod",
  {
    pocketId: uuid("pocket_id")
      .notNull()
      .references(() => pockets.id),
    date: day("date").notNull(),
    cash: cents("cash").notNull(),
    securities: cents("securities").notNull(),
    total: cents("total").notNull(),
  },
  (t) => [primaryKey({ columns: [t.pocketId, t.date] })],
);

/** The sandbox clock (one row): today = New York date of the wall clock + offset_days. */
export const sandboxClock = pgTable("sandbox_clock", {
  id: integer("id").primaryKey(),
  seededOn: day("seeded_on").notNull(),
  offsetDays: integer("offset_days").notNull().default(0),
  /** The last day the engine has run. */
  processedThrough: day("processed_through").notNull(),
});

/** OAuth clients registered like Jiko's Settings page; metadata is oidc-provider's. */
export const oauthClients = pgTable("oauth_clients", {
  clientId: text("client_id").primaryKey(),
  teamId: uuid("team_id")
    .notNull()
    .references(() => teams.id),
  metadata: jsonb("metadata").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/** oidc-provider's adapter storage: sessions, grants, codes, tokens, interactions… */
export const oidcPayloads = pgTable(
  "oidc_payloads",
  {
    id: text("id").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    grantId: text("grant_id"),
    uid: text("uid"),
    userCode: text("user_code"),
    expiresAt: ts("expires_at"),
    consumedAt: ts("consumed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.type] }),
    index("oidc_payloads_grant_idx").on(t.grantId),
    index("oidc_payloads_uid_idx").on(t.uid),
    index("oidc_payloads_user_code_idx").on(t.userCode),
  ],
);

/** Consent given on the portal, remembered per person + client + team. */
export const portalConsents = pgTable(
  "portal_consents",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    clientId: text("client_id").notNull(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    scope: text("scope").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.clientId, t.teamId] })],
);

/** The one team (and membership) an authorization-code grant acts for. */
export const grantTeams = pgTable(
  "grant_teams",
  {
    grantId: text("grant_id").primaryKey(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    clientId: text("client_id").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("grant_teams_person_idx").on(t.personId)],
);

/**
 * Per-interaction state the library does not keep: who passed the password step, the SMS code and
 * its tries, and the team chosen on the consent step.
 */
export const interactionStates = pgTable("interaction_states", {
  uid: text("uid").primaryKey(),
  personId: uuid("person_id").references(() => people.id),
  code: text("code"),
  codeExpiresAt: ts("code_expires_at"),
  attempts: integer("attempts").notNull().default(0),
  teamId: uuid("team_id"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/** Emails and SMS the sandbox would have sent. */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order: several messages can share a timestamp. */
    seq: serial("seq").notNull(),
    kind: text("kind").notNull(),
    to: text("to").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    /** The link the message carries (an invitation), so tests need not parse the body. */
    link: text("link"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("outbox_to_idx").on(t.to)],
);

/**
 * Invitation links (`<portal>/signup/<token>`): only the SHA-256 of the token is kept. A member
 * has at most one PENDING invitation; resending supersedes it, cancelling or joining ends it.
 * Rows outlive cancelled members so a dead link can still name its team. The sign-up progress
 * (chosen password, SMS code) lives here too: the token in the URL is the browser's credential.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    /** No foreign key: a cancelled invitation's member row is deleted. */
    memberId: uuid("member_id").notNull(),
    email: text("email").notNull(),
    /** PENDING | USED | SUPERSEDED | CANCELLED. */
    status: text("status").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    passwordHash: text("password_hash"),
    code: text("code"),
    codeExpiresAt: ts("code_expires_at"),
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [index("invitations_member_idx").on(t.memberId)],
);

/** The team audit log: one row per change, written in the change's transaction. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order: entries of one transaction share a timestamp. */
    seq: serial("seq").notNull(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    timestamp: ts("timestamp").notNull().defaultNow(),
    /** All null for changes Jiko made itself (an invitation accepted). */
    actorMemberId: uuid("actor_member_id"),
    actorUserId: uuid("actor_user_id"),
    actorName: text("actor_name"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_team_time_idx").on(t.teamId, t.timestamp, t.seq),
    index("audit_log_target_idx").on(t.teamId, t.targetId),
    index("audit_log_actor_idx").on(t.teamId, t.actorMemberId),
  ],
);

/** Key material that must survive restarts (portal signing keys, cookie keys). */
export const secrets = pgTable("secrets", {
  name: text("name").primaryKey(),
  value: jsonb("value").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/** Report requests: generated on the sandbox clock, their files rendered from the ledger. */
export const reportRequests = pgTable(
  "report_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: serial("seq").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    reportType: text("report_type").notNull(),
    outputFormat: text("output_format").notNull(),
    /** The request body as accepted (lib/jiko/reports.ts CreateReportRequest). */
    parameters: jsonb("parameters").$type<Record<string, unknown>>().notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("report_requests_customer_idx").on(t.customerId, t.createdAt)],
);

/**
 * What happened to OAuth grants and tokens at the portal (codes exchanged, refreshes, refusals,
 * revocations), for tests to assert through `GET /_sandbox/oauth-events`. The email and team are
 * copied in when recorded: a later revocation or deactivation must not rewrite history.
 */
export const oauthEvents = pgTable(
  "oauth_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order: events of one request can share a timestamp. */
    seq: serial("seq").notNull(),
    type: text("type").notNull(),
    at: ts("at").notNull().defaultNow(),
    clientId: text("client_id"),
    grantId: text("grant_id"),
    email: text("email"),
    teamId: uuid("team_id"),
    /** Why a grant ended (grant.revoked), else null. */
    reason: text("reason"),
  },
  (t) => [index("oauth_events_email_idx").on(t.email, t.seq)],
);

/**
 * Counterparties v2 (lib/jiko/counterparties.ts): a customer's payees. `details` is the type's own
 * object as Jiko returns it (`ach`, `wire`, …). A PENDING one turns VERIFIED at `verifies_at` on
 * the sandbox clock (micro-deposits confirmed, documents reviewed).
 */
export const counterparties = pgTable(
  "counterparties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: serial("seq").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    /** ach | wire | international_wire | on_us */
    type: text("type").notNull(),
    name: text("name").notNull(),
    /** PENDING | VERIFIED | LINKED | UNLINKED */
    status: text("status").notNull(),
    verificationMethod: text("verification_method").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    verifiesAt: ts("verifies_at"),
  },
  (t) => [index("counterparties_customer_idx").on(t.customerId, t.createdAt, t.seq)],
);

/**
 * Transfer requests under dual authorization (lib/jiko/transfers.ts). The id is the caller's
 * `transfer.id`, so a repeated create finds the first. A decision is one conditional UPDATE on
 * `status = 'PENDING'`: of two at the same instant, one changes the row and the other finds it
 * decided. On approval the ledger books the outgoing flow (and the incoming leg of an on-us
 * transfer) for `execute_on`; `settles_at` is when the payee has it.
 */
export const transferRequests = pgTable(
  "transfer_requests",
  {
    id: uuid("id").primaryKey(),
    seq: serial("seq").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    originPocketId: uuid("origin_pocket_id")
      .notNull()
      .references(() => pockets.id),
    /** ON_US | WIRE | USDC */
    type: text("type").notNull(),
    /** The create body's `transfer`, as accepted. */
    spec: jsonb("spec").$type<Record<string, unknown>>().notNull(),
    /** Member ids named as reviewers; empty: any eligible reviewer. */
    reviewers: jsonb("reviewers").$type<string[]>().notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => members.id),
    /** PENDING | APPROVED | DENIED | CANCELED | EXPIRED */
    status: text("status").notNull(),
    /** null until approved; PROCESSING | SUCCESS | REJECTED */
    transferStatus: text("transfer_status"),
    /** Cents leaving the pocket: requested, or fixed at approval for FULL_WITHDRAWAL. */
    amount: cents("amount"),
    decidedBy: uuid("decided_by").references(() => members.id),
    decisionReason: text("decision_reason"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    decidedAt: ts("decided_at"),
    expiresAt: ts("expires_at").notNull(),
    /** The ledger day the outgoing flow is booked on. */
    executeOn: day("execute_on"),
    settlesAt: ts("settles_at"),
  },
  (t) => [
    index("transfer_requests_customer_idx").on(t.customerId, t.createdAt, t.seq),
    index("transfer_requests_status_idx").on(t.customerId, t.status),
  ],
);
export * from "./schema-company";
export * from "./schema-events";
