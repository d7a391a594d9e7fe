/**
 * The emulator's own routes on the API origin (absent at Jiko; tests and scripts only): people,
 * outbox, OAuth events, grant revocation, faults, health, the sandbox clock, pockets' EOD
 * values and flows, pockets' Jiko network addresses, pending transfer requests and team members
 * in bulk, and one webhook subscription for every customer.
 */

import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { daysBetween } from "../../lib/jiko/business-days";
import type { SandboxDb } from "../db/open";
import { pockets } from "../db/schema";
import { allMembershipsByEmail, findPersonByEmail } from "../directory";
import { subscribeEveryCustomer, WebhookSubscriptionsBody } from "../events/sandbox-subscriptions";
import { jsonDecodeDetail, validationDetail } from "../http/errors";
import type { SandboxClock } from "../ledger/clock";
import { eodRange, flowsIn } from "../ledger/valuation";
import { listOutbox } from "../outbox";
import { revokePersonGrants } from "../portal/grants";
import { listOAuthEvents, OAuthEventsQuery } from "../portal/oauth-events";
import { insertTeamMembers, TeamNotFound } from "../team-bulk";
import { BulkRequestsUnavailable, insertPendingRequests } from "../transfers/bulk-requests";
import { networkAddressOf } from "../transfers/network-address";
import { FaultBody, type Faults } from "./faults";

async function readJson(c: {
  req: { json(): Promise<unknown> };
}): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false };
  }
}

const RevokeBody = z.object({ email: z.email() });
const ClockBody = z.object({ days: z.number().int().min(1).max(400) });
const NetworkAddressQuery = z.object({ pocket_id: z.uuid() });
const RangeQuery = z.object({ from: z.iso.date(), to: z.iso.date() });
const BulkRequestsBody = z.object({ count: z.number().int().min(1).max(2_000) });
const BulkMembersBody = z.union([
  z.object({ team_id: z.uuid(), count: z.number().int().min(1).max(5_000) }),
  z.object({ team_name: z.string().min(1), count: z.number().int().min(1).max(5_000) }),
]);
/** At most this many days per EOD request. */
const MAX_EOD_DAYS = 1_500;

export function sandboxRoutes(o: { db: SandboxDb; faults: Faults; clock: SandboxClock }) {
  const { db, faults, clock } = o;
  const app = new Hono();

  app.get("/_sandbox/health", (c) => c.json({ ok: true }));

  app.get("/_sandbox/people", async (c) => {
    const items = [...(await allMembershipsByEmail(db))].map(([email, rows]) => {
      const first = rows[0]!;
      const statuses = rows.map((r) => r.member.status);
      const status = statuses.includes("ACTIVE")
        ? "ACTIVE"
        : statuses.includes("DEACTIVATED")
          ? "DEACTIVATED"
          : "PENDING";
      return {
        email,
        name: `${first.person?.firstName ?? first.member.firstName} ${first.person?.lastName ?? first.member.lastName}`,
        status,
        phone_number: first.person?.phoneNumber ?? first.member.phoneNumber,
        has_password: Boolean(first.person?.passwordHash),
        teams: rows.map((r) => ({
          team_id: r.team.id,
          team_name: r.team.name,
          customer_name: r.customer.name,
          role: r.member.role,
          member_status: r.member.status,
        })),
      };
    });
    return c.json({ items });
  });

  app.get("/_sandbox/outbox", async (c) => {
    const to = c.req.query("to");
    return c.json({ items: await listOutbox(db, to || undefined) });
  });

  app.get("/_sandbox/oauth-events", async (c) => {
    const parsed = OAuthEventsQuery.safeParse(
      { email: c.req.query("email") || undefined, type: c.req.query("type") || undefined },
      { reportInput: true },
    );
    if (!parsed.success) return c.json({ detail: validationDetail(parsed.error, "query") }, 422);
    return c.json({ items: await listOAuthEvents(db, parsed.data) });
  });

  app.post("/_sandbox/revoke-grants", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ detail: jsonDecodeDetail() }, 422);
    const parsed = RevokeBody.safeParse(body.value, { reportInput: true });
    if (!parsed.success) return c.json({ detail: validationDetail(parsed.error, "body") }, 422);
    const person = await findPersonByEmail(db, parsed.data.email);
    if (!person) return c.json({ detail: "No person with this email" }, 404);
    return c.json({ revoked: await revokePersonGrants(db, person.id) });
  });

  app.get("/_sandbox/faults", (c) => c.json(faults.view()));
  app.delete("/_sandbox/faults", (c) => c.json(faults.clear()));
  app.post("/_sandbox/faults", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ detail: jsonDecodeDetail() }, 422);
    const parsed = FaultBody.safeParse(body.value, { reportInput: true });
    if (!parsed.success) return c.json({ detail: validationDetail(parsed.error, "body") }, 422);
    return c.json(faults.set(parsed.data));
  });

  app.post("/_sandbox/webhook-subscriptions", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ detail: jsonDecodeDetail() }, 422);
    const parsed = WebhookSubscriptionsBody.safeParse(body.value, { reportInput: true });
    if (!parsed.success) return c.json({ detail: validationDetail(parsed.error, "body") }, 422);
    return c.json(await subscribeEveryCustomer(db, parsed.data));
  });

  app.get("/_sandbox/clock", async (c) => c.json(await clock.view()));
  app.post("/_sandbox/clock", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ detail: jsonDecodeDetail() }, 422);
    const parsed = ClockBody.safeParse(body.value, { reportInput: true });
    if (!parsed.success) return c.json({ detail: validationDetail(parsed.error, "body") }, 422);
    return c.json(await clock.advance(parsed.data.days));
  });

  /** A pocket's Jiko network address (another company's, for on_us payees in tests). */
  app.get("/_sandbox/network-address", async (c) => {
    const parsed = NetworkAddressQuery.safeParse(
      { pocket_id: c.req.query("pocket_id") },
      { reportInput: true },
    );
    if (!parsed.success) return c.json({ detail: validationDetail(parsed.error, "query") }, 422);
    const [pocket] = await db.select().from(pockets).where(eq(pockets.id, parsed.data.pocket_id));
    if (!pocket) return c.json({ detail: "Not Found" }, 404);
    return c.json({ pocket_id: pocket.id, network_address: networkAddressOf(pocket.id) });
  });

  /** `count` PENDING requests of the seeded US company at once (Jiko's create is 1 a second). */
  app.post("/_sandbox/transfer-requests/bulk", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ detail: jsonDecodeDetail() }, 422);
    const parsed = BulkRequestsBody.safeParse(body.value, { reportInput: true });
    if (!parsed.success) return c.json({ detail: validationDetail(parsed.error, "body") }, 422);
    const now = await clock.now();
    try {
      const ids = await db.transaction((tx) => insertPendingRequests(tx, now, parsed.data.count));
      return c.json({ count: ids.length, ids }, 201);
    } catch (err) {
      if (err instanceof BulkRequestsUnavailable) return c.json({ detail: err.message }, 409);
      throw err;
    }
  });

  /** `count` members (half invited, half joined) for one team, by id or name, at once. */
  app.post("/_sandbox/team-members/bulk", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return c.json({ detail: jsonDecodeDetail() }, 422);
    const parsed = BulkMembersBody.safeParse(body.value, { reportInput: true });
    if (!parsed.success) return c.json({ detail: validationDetail(parsed.error, "body") }, 422);
    const b = parsed.data;
    const team = "team_id" in b ? { id: b.team_id } : { name: b.team_name };
    try {
      const { teamId, ids } = await insertTeamMembers(db, { team, count: b.count });
      return c.json({ team_id: teamId, count: ids.length, ids }, 201);
    } catch (err) {
      if (err instanceof TeamNotFound) return c.json({ detail: "Not Found" }, 404);
      throw err;
    }
  });

  /** The pocket and a [from, to] range (default: the pocket's first day through today). */
  async function pocketRange(c: Context) {
    const [pocket] = await db
      .select()
      .from(pockets)
      .where(eq(pockets.id, c.req.param("pocket_id") ?? ""))
      .catch(() => []);
    if (!pocket) return { error: c.json({ detail: "Not Found" }, 404) };
    const today = await clock.today();
    const parsed = RangeQuery.safeParse(
      { from: c.req.query("from") || pocket.openedOn, to: c.req.query("to") || today },
      { reportInput: true },
    );
    if (!parsed.success) {
      return { error: c.json({ detail: validationDetail(parsed.error, "query") }, 422) };
    }
    const { from, to } = parsed.data;
    if (from > to || to > today || daysBetween(from, to) > MAX_EOD_DAYS) {
      const msg = `need from <= to <= today (${today}), at most ${MAX_EOD_DAYS} days`;
      return {
        error: c.json({ detail: [{ loc: ["query", "to"], msg, type: "value_error" }] }, 422),
      };
    }
    return { pocket, from, to };
  }

  app.get("/_sandbox/pockets/:pocket_id/eod", async (c) => {
    const r = await pocketRange(c);
    if ("error" in r) return r.error;
    const rows = await eodRange(db, r.pocket, r.from, r.to);
    return c.json({
      items: rows.map((e) => ({
        date: e.date,
        cash: e.cash,
        securities: e.securities,
        total: e.total,
      })),
    });
  });

  app.get("/_sandbox/pockets/:pocket_id/flows", async (c) => {
    const r = await pocketRange(c);
    if ("error" in r) return r.error;
    return c.json({ items: await flowsIn(db, r.pocket.id, r.from, r.to) });
  });

  return app;
}
