/**
 * Pocket rules (Pockets v2): create, rename, change strategies, close. Refusals are
 * `TeamRuleError`s (a `{"detail": "..."}` body with 404/409); every change writes an audit entry
 * (pocket.created / pocket.updated / pocket.closed) in its transaction.
 */
import { and, eq } from "drizzle-orm";
import type { CreatePocketRequest, UpdatePocketRequest } from "../lib/jiko/pockets";
import type { Principal } from "./api/auth";
import { type AuditActorInput, actorOf, recordAudit } from "./audit";
import type { SandboxDb } from "./db/open";
import { pocketEod, pockets, teams } from "./db/schema";
import type { Pocket } from "./directory";
import { eodOn, usd } from "./ledger/valuation";
import { TeamRuleError } from "./team-admin";

export const pocketSnapshot = (p: Pocket): Record<string, unknown> => ({
  id: p.id,
  pocket_name: p.pocketName,
  status: p.status,
  deposit_strategy_id: p.depositStrategyId,
  reinvestment_strategy_id: p.reinvestmentStrategyId,
  closure_reason: p.closureReason,
});

/** The member who acted, or the API client for client-credentials tokens. */
export const auditActor = (p: Principal): AuditActorInput =>
  p.member
    ? actorOf(p.member)
    : { memberId: null, userId: null, name: `API client ${p.clientId}`, email: null };

export async function customerOfTeam(db: SandboxDb, teamId: string): Promise<string> {
  const [t] = await db
    .select({ customerId: teams.customerId })
    .from(teams)
    .where(eq(teams.id, teamId));
  if (!t) throw new Error(`team ${teamId} vanished`);
  return t.customerId;
}

export async function findPocket(db: SandboxDb, customerId: string, id: string): Promise<Pocket> {
  const [p] = await db
    .select()
    .from(pockets)
    .where(and(eq(pockets.id, id), eq(pockets.customerId, customerId)));
  if (!p) throw new TeamRuleError(404, "Not Found");
  return p;
}

export async function createPocket(
  db: SandboxDb,
  o: {
    principal: Principal;
    customerId: string;
    req: CreatePocketRequest;
    today: string;
    now: Date;
  },
): Promise<Pocket> {
  return db.transaction(async (tx) => {
    const [p] = await tx
      .insert(pockets)
      .values({
        id: crypto.randomUUID(),
        customerId: o.customerId,
        pocketName: o.req.pocket_name,
        status: "OPEN",
        depositStrategyId: o.req.trading_strategy_id,
        reinvestmentStrategyId: o.req.reinvestment_strategy_id ?? o.req.trading_strategy_id,
        openedOn: o.today,
        createdAt: o.now,
      })
      .returning();
    // The engine has run today already: the new pocket's first EOD row is an empty one.
    await tx
      .insert(pocketEod)
      .values({ pocketId: p!.id, date: o.today, cash: 0, securities: 0, total: 0 });
    await recordAudit(tx, {
      teamId: o.principal.teamId,
      actor: auditActor(o.principal),
      action: "pocket.created",
      targetType: "pocket",
      targetId: p!.id,
      before: null,
      after: pocketSnapshot(p!),
    });
    return p!;
  });
}

export async function updatePocket(
  db: SandboxDb,
  o: {
    principal: Principal;
    pocket: Pocket;
    req: UpdatePocketRequest;
    today: string;
    now: Date;
  },
): Promise<Pocket> {
  const { pocket: before, req } = o;
  if (before.status === "CLOSED") {
    throw new TeamRuleError(409, "This pocket is closed: a closed pocket cannot be changed.");
  }
  const closing = req.status === "CLOSED";
  if (closing) {
    const { total } = await eodOn(db, before, o.today);
    if (total !== 0) {
      throw new TeamRuleError(
        409,
        `The pocket is not empty (total value ${usd(total).formatted}): move its cash and T-bills out before closing it.`,
      );
    }
    const others = await db
      .select({ id: pockets.id })
      .from(pockets)
      .where(and(eq(pockets.customerId, before.customerId), eq(pockets.status, "OPEN")));
    if (!others.some((x) => x.id !== before.id)) {
      throw new TeamRuleError(
        409,
        "This is the customer's last open pocket: another OPEN pocket must exist to close it.",
      );
    }
  }
  const next: Pocket = {
    ...before,
    pocketName: req.pocket_name ?? before.pocketName,
    depositStrategyId: req.deposit_strategy_id ?? before.depositStrategyId,
    reinvestmentStrategyId: req.reinvestment_strategy_id ?? before.reinvestmentStrategyId,
    ...(closing && {
      status: "CLOSED",
      closureReason: req.closure_reason ?? null,
      closedAt: o.now,
    }),
  };
  const changed = JSON.stringify(pocketSnapshot(next)) !== JSON.stringify(pocketSnapshot(before));
  if (!changed) return before;
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(pockets)
      .set({
        pocketName: next.pocketName,
        depositStrategyId: next.depositStrategyId,
        reinvestmentStrategyId: next.reinvestmentStrategyId,
        status: next.status,
        closureReason: next.closureReason,
        closedAt: next.closedAt,
      })
      .where(eq(pockets.id, before.id))
      .returning();
    await recordAudit(tx, {
      teamId: o.principal.teamId,
      actor: auditActor(o.principal),
      action: closing ? "pocket.closed" : "pocket.updated",
      targetType: "pocket",
      targetId: before.id,
      before: pocketSnapshot(before),
      after: pocketSnapshot(after!),
    });
    return after!;
  });
}
