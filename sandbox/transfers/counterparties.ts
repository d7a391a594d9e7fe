/**
 * Counterparties v2 in the sandbox: a customer's payees (lib/jiko/counterparties.ts).
 *
 * The sandbox's verification rule (INFERRED: Jiko publishes no timings), on the sandbox clock:
 * - ach: `micro_deposits`, PENDING, VERIFIED 2 business days after creation;
 * - wire, international_wire: `supporting_documents`, PENDING, VERIFIED 1 business day after;
 * - on_us: `name_match`, VERIFIED at once when `name` matches the receiving customer's name (case
 *   and spaces ignored), else PENDING and VERIFIED 1 business day after.
 * A PENDING row carries `verifies_at`; `materialize` turns every due one VERIFIED with one UPDATE
 * before any read of the customer's payees, so filters by status see the clock's truth.
 */
import { and, eq, lte, sql } from "drizzle-orm";
import { isBusinessDay } from "../../lib/jiko/business-days";
import {
  Counterparty,
  type CounterpartyStatus,
  type CreateCounterpartyRequest,
  type VerificationMethod,
} from "../../lib/jiko/counterparties";
import type { Principal } from "../api/auth";
import { RequestInvalid } from "../api/team";
import { recordAudit } from "../audit";
import type { DbOrTx, SandboxDb } from "../db/open";
import { counterparties, customers } from "../db/schema";
import { emitEvent } from "../events/store";
import { newYorkDate } from "../ledger/clock";
import { auditActor } from "../pocket-admin";
import { TeamRuleError } from "../team-admin";
import { openPocketAtAddress } from "./network-address";

export type CounterpartyRow = typeof counterparties.$inferSelect;

const DAY_MS = 86_400_000;

/** The instant `n` business days (New York calendar) after `at`, at the same time of day. */
export function afterBusinessDays(at: Date, n: number): Date {
  let t = at.getTime();
  for (let left = n; left > 0; ) {
    t += DAY_MS;
    if (isBusinessDay(newYorkDate(new Date(t)))) left--;
  }
  return new Date(t);
}

/** Case and spaces do not count when Jiko matches a payee's name to the receiving customer. */
export const sameName = (a: string, b: string) =>
  a.replace(/\s+/g, "").toLowerCase() === b.replace(/\s+/g, "").toLowerCase();

/** A 422 on one body field, FastAPI style. */
const invalid = (loc: string[], msg: string, input: unknown) =>
  new RequestInvalid([{ loc, msg, type: "value_error", input }]);

export function toCounterparty(r: CounterpartyRow): Counterparty {
  return Counterparty.parse({
    id: r.id,
    type: r.type,
    name: r.name,
    status: r.status,
    verification_method: r.verificationMethod,
    time_created: r.createdAt.toISOString(),
    time_updated: r.updatedAt.toISOString(),
    object_type: "Counterparty",
    [r.type]: r.details,
  });
}

export const counterpartySnapshot = (r: CounterpartyRow): Record<string, unknown> => ({
  id: r.id,
  type: r.type,
  name: r.name,
  status: r.status,
  verification_method: r.verificationMethod,
});

/** PENDING payees whose verification is due by `now` become VERIFIED (one UPDATE). */
export async function materialize(db: DbOrTx, customerId: string, now: Date) {
  const verified = await db
    .update(counterparties)
    .set({ status: "VERIFIED", updatedAt: sql`${counterparties.verifiesAt}`, verifiesAt: null })
    .where(
      and(
        eq(counterparties.customerId, customerId),
        eq(counterparties.status, "PENDING"),
        lte(counterparties.verifiesAt, now),
      ),
    )
    .returning({ id: counterparties.id });
  for (const c of verified) {
    await emitEvent(db, {
      customerId,
      type: "counterparties.verified",
      payload: { counterparty_id: c.id },
    });
  }
}

/** How a new payee is verified, per the rule in the module comment. */
async function verificationOf(
  db: DbOrTx,
  customerId: string,
  req: CreateCounterpartyRequest,
  now: Date,
): Promise<{ method: VerificationMethod; status: CounterpartyStatus; verifiesAt: Date | null }> {
  switch (req.type) {
    case "ach":
      return { method: "micro_deposits", status: "PENDING", verifiesAt: afterBusinessDays(now, 2) };
    case "wire":
    case "international_wire":
      return {
        method: "supporting_documents",
        status: "PENDING",
        verifiesAt: afterBusinessDays(now, 1),
      };
    case "on_us": {
      const loc = ["body", "on_us", "account_number"];
      const address = req.on_us.account_number;
      const pocket = await openPocketAtAddress(db, address);
      if (!pocket) throw invalid(loc, "No Jiko pocket has this network address", address);
      if (pocket.customerId === customerId) {
        throw invalid(
          loc,
          "This is one of your own pockets: use an internal reallocation instead",
          address,
        );
      }
      const [receiver] = await db
        .select({ name: customers.name })
        .from(customers)
        .where(eq(customers.id, pocket.customerId));
      return receiver && sameName(req.name, receiver.name)
        ? { method: "name_match", status: "VERIFIED", verifiesAt: null }
        : { method: "name_match", status: "PENDING", verifiesAt: afterBusinessDays(now, 1) };
    }
  }
}

const detailsOf = (req: CreateCounterpartyRequest): Record<string, unknown> => {
  switch (req.type) {
    case "ach":
      return { institution_name: null, ...req.ach };
    case "wire":
      return { institution_name: null, additional_instructions: null, ...req.wire };
    case "international_wire":
      return { institution_name: null, additional_instructions: null, ...req.international_wire };
    case "on_us":
      return { ...req.on_us };
  }
};

export async function createCounterparty(
  db: SandboxDb,
  o: { principal: Principal; customerId: string; req: CreateCounterpartyRequest; now: Date },
): Promise<CounterpartyRow> {
  const v = await verificationOf(db, o.customerId, o.req, o.now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(counterparties)
      .values({
        customerId: o.customerId,
        type: o.req.type,
        name: o.req.name,
        status: v.status,
        verificationMethod: v.method,
        details: detailsOf(o.req),
        createdAt: o.now,
        updatedAt: o.now,
        verifiesAt: v.verifiesAt,
      })
      .returning();
    await recordAudit(tx, {
      teamId: o.principal.teamId,
      actor: auditActor(o.principal),
      action: "counterparty.created",
      targetType: "counterparty",
      targetId: row!.id,
      before: null,
      after: counterpartySnapshot(row!),
    });
    if (row!.status === "VERIFIED") {
      await emitEvent(tx, {
        customerId: o.customerId,
        type: "counterparties.verified",
        payload: { counterparty_id: row!.id },
      });
    }
    return row!;
  });
}

/** The customer's payee (after materializing), or 404 for unknown and other customers' ids. */
export async function findCounterparty(db: DbOrTx, customerId: string, id: string, now: Date) {
  await materialize(db, customerId, now);
  const [row] = await db
    .select()
    .from(counterparties)
    .where(and(eq(counterparties.id, id), eq(counterparties.customerId, customerId)));
  if (!row) throw new TeamRuleError(404, "Counterparty not found");
  return row;
}

export async function unlinkCounterparty(
  db: SandboxDb,
  o: { principal: Principal; customerId: string; id: string; now: Date },
): Promise<CounterpartyRow> {
  const before = await findCounterparty(db, o.customerId, o.id, o.now);
  if (before.status === "UNLINKED") {
    throw new TeamRuleError(409, "This counterparty is already unlinked.");
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(counterparties)
      .set({ status: "UNLINKED", updatedAt: o.now, verifiesAt: null })
      .where(eq(counterparties.id, before.id))
      .returning();
    await recordAudit(tx, {
      teamId: o.principal.teamId,
      actor: auditActor(o.principal),
      action: "counterparty.unlinked",
      targetType: "counterparty",
      targetId: row!.id,
      before: counterpartySnapshot(before),
      after: counterpartySnapshot(row!),
    });
    return row!;
  });
}
