/**
 * The dashboard's own tables: Auth.js users, accounts (Jiko tokens, encrypted), sessions.
 * Shapes follow @auth/drizzle-adapter's Postgres schema.
 */
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: timestamp("email_verified", { mode: "date", withTimezone: true }),
  image: text("image"),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    /** Jiko tokens are stored encrypted (server/crypto.ts), never in clear. */
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Slides with activity: the idle timeout. */
  expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  /** Fixed at sign-in: the absolute lifetime counts from here, whatever the activity. */
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});

/**
 * Jiko's tokens for one session (encrypted, server/crypto.ts). A Jiko token acts for one team, so
 * tokens belong to the session that signed in (or switched team), never to the person: another
 * browser's team switch cannot change what this one acts for. No foreign key to `sessions`: a row
 * must outlive its session long enough for its grant to be revoked at Jiko (server/auth/end.ts).
 * `lease_*` make refresh single-flight across app instances without holding a transaction open
 * across the call to Jiko: whoever sets the lease refreshes; it expires by itself if they stall.
 */
export const sessionGrants = pgTable(
  "session_grants",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token").notNull(),
    refreshToken: text("refresh_token"),
    /** Unix seconds. */
    expiresAt: integer("expires_at").notNull(),
    scope: text("scope").notNull().default(""),
    leaseHolder: text("lease_holder"),
    leaseUntil: timestamp("lease_until", { mode: "date", withTimezone: true }),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("session_grants_user_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/**
 * Jiko's earnings for closed periods (a whole month before the current one): they never change,
 * so each is asked for once. Keyed by pocket and the exact inclusive range.
 */
export const earningsCache = pgTable(
  "earnings_cache",
  {
    pocketId: text("pocket_id").notNull(),
    dateFrom: text("date_from").notNull(),
    dateTo: text("date_to").notNull(),
    cents: bigint("cents", { mode: "number" }).notNull(),
    fetchedAt: timestamp("fetched_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pocketId, t.dateFrom, t.dateTo] })],
);

/**
 * Net cash flows (credits − debits of Jiko's transactions) per pocket and closed New York month:
 * with the earnings they rebuild the balance at each month end. Zero months are stored too.
 */
export const netFlowsCache = pgTable(
  "net_flows_cache",
  {
    pocketId: text("pocket_id").notNull(),
    /** "YYYY-MM". */
    month: text("month").notNull(),
    cents: bigint("cents", { mode: "number" }).notNull(),
    fetchedAt: timestamp("fetched_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pocketId, t.month] })],
);

/**
 * Named filter sets a person saved on a page ("transactions"), per team: the URL's search string,
 * re-read through the page's schema when opened, so a stale view can never break the page.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    teamId: text("team_id").notNull(),
    page: text("page").notNull(),
    name: text("name").notNull(),
    search: text("search").notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("saved_views_name_idx").on(t.userId, t.teamId, t.page, t.name)],
);

/**
 * Sensitive reads in the dashboard (account-number reveals, exports, downloads), per team: who
 * (the person's name and email as they were then), what (an action and the object's id, never an
 * account number), when. Read newest first, page by page, by the team's admins.
 */
export const accessLog = pgTable(
  "access_log",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    teamId: text("team_id").notNull(),
    userId: text("user_id").notNull(),
    memberId: text("member_id").notNull(),
    actorName: text("actor_name").notNull(),
    actorEmail: text("actor_email").notNull(),
    action: text("action").notNull(),
    subjectKind: text("subject_kind"),
    subjectId: text("subject_id"),
    at: timestamp("at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("access_log_team_at_idx").on(t.teamId, t.at, t.id)],
);

/**
 * Jiko events the dashboard received (signed webhooks, or the polling fallback), each stored once
 * by its `event_id`. `seq` orders them per instance-independent insert: it is the id server-sent
 * events carry, so a page that reconnects asks for what came after the last one it saw.
 */
export const jikoEvents = pgTable(
  "jiko_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    eventId: text("event_id").notNull().unique(),
    customerId: text("customer_id").notNull(),
    eventType: text("event_type").notNull(),
    /** When it happened, as Jiko says. */
    occurredAt: timestamp("occurred_at", { mode: "date", withTimezone: true }).notNull(),
    payload: jsonb("payload").notNull(),
    /** "webhook" | "poll". */
    source: text("source").notNull(),
    receivedAt: timestamp("received_at", { mode: "date", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [index("jiko_events_customer_seq_idx").on(t.customerId, t.seq)],
);

/**
 * Shared secrets of the subscriptions that deliver to this dashboard's webhook URL, sealed like
 * tokens: Jiko never returns a secret, and without it no delivery can be verified.
 */
export const webhookSecrets = pgTable("webhook_secrets", {
  subscriptionId: text("subscription_id").primaryKey(),
  customerId: text("customer_id").notNull(),
  url: text("url").notNull(),
  secretSealed: text("secret_sealed").notNull(),
  /** Kept in step with Jiko's status when changed from the dashboard. */
  enabled: integer("enabled").notNull().default(1),
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});

/**
 * The polling fallback, per customer: how far Jiko's events list has been read, and a lease so
 * one instance polls at a time (set in one UPDATE, lapses by itself).
 */
export const eventPolls = pgTable("event_polls", {
  customerId: text("customer_id").primaryKey(),
  readUpTo: timestamp("read_up_to", { mode: "date", withTimezone: true }),
  leaseHolder: text("lease_holder"),
  leaseUntil: timestamp("lease_until", { mode: "date", withTimezone: true }),
  lastPolledAt: timestamp("last_polled_at", { mode: "date", withTimezone: true }),
});
