/**
 * Creating, deciding and cancelling transfer requests. A decision is one conditional UPDATE
 * (`WHERE status = 'PENDING' AND expires_at > now … RETURNING`): of two decisions at the same
 * instant one changes the row and the other finds it decided (409). An approval books the
 * transfer (execute.ts) in the same transaction, after checking the money is still there.
 */
import { and, eq, gt } from "drizzle-orm";
import {
  type CreateTransferRequest,
  TRANSFER_RULES,
  type TransferSpec,
} from "../../lib/jiko/transfers";
import type { Principal } from "../api/auth";
import { RequestInvalid } from "../api/team";
import { actorOf, recordAudit } from "../audit";
import type { DbOrTx, SandboxDb } from "../db/open";
import { members, transferRequests } from "../db/schema";
import type { Member } from "../directory";
import { notifyDecided, notifyReviewers } from "../events/notify";
import { emitRequestEvent, emitTransferExecuted } from "../events/transfer-events";
import type { SandboxClock } from "../ledger/clock";
import { TeamRuleError } from "../team-admin";
import { availableCents, sellableCents } from "./available";
import { bookTransfer, executionDay, moveSecurities } from "./execute";
import {
  auditSnapshot,
  checkReviewers,
  expireDue,
  isInitiator,
  isReviewer,
  money,
  notFound,
  payeeName,
  type RequestRow,
  routeOf,
  sameRequest,
} from "./requests";

const HOUR_MS = 3_600_000;

export async function findRequest(db: DbOrTx, customerId: string, id: string, now: Date) {
  await expireDue(db, customerId, now);
  const [row] = await db
    .select()
    .from(transferRequests)
    .where(and(eq(transferRequests.id, id), eq(transferRequests.customerId, customerId)));
  if (!row) throw notFound();
  return row;
}

/** Creates a request, or answers the first one for a repeated `transfer.id` (created: false). */
export async function createRequest(
  db: SandboxDb,
  clock: SandboxClock,
  o: { principal: Principal; member: Member; customerId: string; req: CreateTransferRequest },
): Promise<{ row: RequestRow; created: boolean }> {
  const { member, customerId, req } = o;
  const now = await clock.now();
  await expireDue(db, customerId, now);
  const repeat = async () => {
    const [first] = await db
      .select()
      .from(transferRequests)
      .where(eq(transferRequests.id, req.transfer.id));
    if (!first) return undefined;
    if (first.customerId !== customerId || !sameRequest(first, req)) {
      throw new TeamRuleError(
        409,
        `A different transfer request already has the id ${req.transfer.id}: mint a new transfer.id for a new transfer.`,
      );
    }
    return { row: first, created: false };
  };
  const seen = await repeat();
  if (seen) return seen;
  if (!isInitiator(member)) {
    throw new TeamRuleError(
      403,
      `A ${member.role} cannot start transfers (${TRANSFER_RULES.initiators.join(" or ")} only).`,
    );
  }
  await checkReviewers(db, o.principal.teamId, member, req.reviewers);
  const t = req.transfer;
  const { route } = await routeOf(db, customerId, t, now);
  const amount = t.amount.type === "REQUESTED_AMOUNT" ? t.amount.amount_usdc : null;
  if (amount !== null) {
    const available = await availableCents(db, clock, t.origin_pocket_id);
    if (amount > available) {
      throw new RequestInvalid([
        {
          loc: ["body", "transfer", "amount", "amount_usdc"],
          msg: `The amount is more than the pocket's available balance of ${money(available)}`,
          type: "value_error",
          input: amount,
        },
      ]);
    }
  }
  const [row] = await db
    .insert(transferRequests)
    .values({
      id: t.id,
      customerId,
      teamId: o.principal.teamId,
      originPocketId: t.origin_pocket_id,
      type: t.type,
      spec: t as Record<string, unknown>,
      reviewers: req.reviewers,
      createdBy: member.id,
      status: "PENDING",
      amount,
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + TRANSFER_RULES.expiresAfterHours * HOUR_MS),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return (await repeat())!;
  const payee = route.kind === "INTERNAL" ? route.destinationName : route.counterpartyName;
  await recordAudit(db, {
    teamId: row.teamId,
    actor: actorOf(member),
    action: "transfer_request.created",
    targetType: "transfer_request",
    targetId: row.id,
    before: null,
    after: auditSnapshot(row, payee),
    at: now,
  });
  await emitRequestEvent(db, row, "created");
  await notifyReviewers(db, row, payee, now);
  return { row, created: true };
}

/** Why a request that is no longer PENDING cannot change, with who decided it and when. */
async function notPending(db: DbOrTx, r: RequestRow): Promise<TeamRuleError> {
  if (r.status === "EXPIRED") {
    return new TeamRuleError(409, `This transfer request expired at ${r.expiresAt.toISOString()}.`);
  }
  if (r.status === "CANCELED") {
    return new TeamRuleError(
      409,
      `This transfer request was cancelled at ${r.updatedAt.toISOString()}.`,
    );
  }
  const [by] = r.decidedBy
    ? await db.select().from(members).where(eq(members.id, r.decidedBy))
    : [];
  const who = by ? `${by.firstName} ${by.lastName}`.trim() : "another reviewer";
  return new TeamRuleError(
    409,
    `This transfer request was already ${r.status} by ${who} at ${r.decidedAt?.toISOString()}.`,
  );
}

export async function decideRequest(
  db: SandboxDb,
  clock: SandboxClock,
  o: {
    member: Member;
    customerId: string;
    id: string;
    status: "APPROVED" | "DENIED";
    reason: string | null;
  },
): Promise<RequestRow> {
  const { member } = o;
  const today = await clock.today();
  const now = await clock.now();
  const r = await findRequest(db, o.customerId, o.id, now);
  if (!isReviewer(member)) {
    throw new TeamRuleError(
      403,
      `A ${member.role} cannot approve or deny transfers (${TRANSFER_RULES.reviewers.join(" or ")} only).`,
    );
  }
  if (r.createdBy === member.id) {
    await recordAudit(db, {
      teamId: r.teamId,
      actor: actorOf(member),
      action: "transfer_request.self_decision_refused",
      targetType: "transfer_request",
      targetId: r.id,
      before: null,
      after: { ...auditSnapshot(r, await payeeName(db, r)), attempted: o.status },
      at: now,
    });
    throw new TeamRuleError(
      403,
      "A team member cannot approve or deny a transfer request they created.",
    );
  }
  if (r.reviewers.length && !r.reviewers.includes(member.id)) {
    throw new TeamRuleError(
      403,
      "Only the reviewers named on this transfer request may decide it.",
    );
  }
  if (r.status !== "PENDING") throw await notPending(db, r);

  // Between day runs: an approval's booked flow or moved lots are never lost to a concurrent run.
  return clock.exclusive(() =>
    db.transaction(async (tx) => {
      const [won] = await tx
        .update(transferRequests)
        .set({
          status: o.status,
          decidedBy: member.id,
          decidedAt: now,
          decisionReason: o.reason,
          updatedAt: now,
        })
        .where(
          and(
            eq(transferRequests.id, r.id),
            eq(transferRequests.status, "PENDING"),
            gt(transferRequests.expiresAt, now),
          ),
        )
        .returning();
      if (!won) {
        const [latest] = await tx
          .select()
          .from(transferRequests)
          .where(eq(transferRequests.id, r.id));
        throw await notPending(
          tx,
          latest!.status === "PENDING" ? { ...latest!, status: "EXPIRED" } : latest!,
        );
      }
      const payee = await payeeName(tx, won);
      let row = won;
      if (o.status === "APPROVED") row = await execute(tx, clock, won, today, now);
      await recordAudit(tx, {
        teamId: row.teamId,
        actor: actorOf(member),
        action: o.status === "APPROVED" ? "transfer_request.approved" : "transfer_request.denied",
        targetType: "transfer_request",
        targetId: row.id,
        before: { ...auditSnapshot(r, payee), status: "PENDING" },
        after: { ...auditSnapshot(row, payee), reason: o.reason },
        at: now,
      });
      await emitRequestEvent(tx, row, o.status === "APPROVED" ? "approved" : "denied");
      await emitTransferExecuted(tx, row);
      await notifyDecided(tx, row, payee, member, now);
      return row;
    }),
  );
}

/** Re-checks the money, fixes a full withdrawal's amount, books the flows (or moves the bills). */
async function execute(
  tx: DbOrTx,
  clock: SandboxClock,
  r: RequestRow,
  today: string,
  now: Date,
): Promise<RequestRow> {
  const t = r.spec as TransferSpec;
  // The request is no longer PENDING here: its own hold is not counted.
  const available = Math.min(
    await availableCents(tx, clock, r.originPocketId, { at: { today, now } }),
    await sellableCents(tx, r.originPocketId, executionDay(today, now)),
  );
  const amount = r.amount ?? available;
  if (amount > available || amount <= 0) {
    throw new TeamRuleError(
      409,
      `The pocket's available balance is ${money(available)}: it cannot send ${money(amount)} now.`,
    );
  }
  const { route } = await routeOf(tx, r.customerId, t, now).catch((err) => {
    if (err instanceof RequestInvalid) {
      const msg =
        (err.detail[0] as { msg?: string } | undefined)?.msg ?? "the transfer is no longer valid";
      throw new TeamRuleError(409, `This transfer cannot be executed: ${msg}.`);
    }
    throw err;
  });
  if (route.kind === "INTERNAL" && route.security) {
    // The bills themselves move, at once; the origin's cash stays (execute.ts).
    const done = await moveSecurities(tx, {
      from: r.originPocketId,
      to: route.destinationPocketId,
      amount: r.amount,
      today,
    });
    if ("short" in done) {
      throw new TeamRuleError(
        409,
        `The pocket's bills are worth ${money(done.short)}: a security transfer cannot move ${money(amount)}.`,
      );
    }
    if (done.moved <= 0 || done.moved > available) {
      throw new TeamRuleError(
        409,
        `The pocket's available balance is ${money(available)}: it cannot move bills worth ${money(done.moved)} now.`,
      );
    }
    const [row] = await tx
      .update(transferRequests)
      .set({ amount: done.moved, transferStatus: "SUCCESS", executeOn: today, settlesAt: now })
      .where(eq(transferRequests.id, r.id))
      .returning();
    return row!;
  }
  const { executeOn, settlesAt } = await bookTransfer(tx, {
    requestId: r.id,
    originPocketId: r.originPocketId,
    amount,
    memo: t.description ?? null,
    endToEnd: t.end_to_end_identification ?? null,
    route,
    today,
    now,
  });
  const [row] = await tx
    .update(transferRequests)
    .set({ amount, transferStatus: "PROCESSING", executeOn, settlesAt })
    .where(eq(transferRequests.id, r.id))
    .returning();
  return row!;
}

/** Cancels a PENDING request: its creator or an ADMIN only. */
export async function cancelRequest(
  db: SandboxDb,
  clock: SandboxClock,
  o: { member: Member; customerId: string; id: string },
): Promise<void> {
  const now = await clock.now();
  const r = await findRequest(db, o.customerId, o.id, now);
  if (r.createdBy !== o.member.id && o.member.role !== "ADMIN") {
    throw new TeamRuleError(
      403,
      "Only the member who created a transfer request, or an ADMIN, can cancel it.",
    );
  }
  if (r.status !== "PENDING") {
    throw new TeamRuleError(
      409,
      `This transfer request is ${r.status}: only a PENDING request can be cancelled.`,
    );
  }
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(transferRequests)
      .set({ status: "CANCELED", updatedAt: now })
      .where(and(eq(transferRequests.id, r.id), eq(transferRequests.status, "PENDING")))
      .returning();
    if (!done) {
      const [latest] = await tx
        .select()
        .from(transferRequests)
        .where(eq(transferRequests.id, r.id));
      throw new TeamRuleError(
        409,
        `This transfer request is ${latest!.status}: only a PENDING request can be cancelled.`,
      );
    }
    const payee = await payeeName(tx, done);
    await recordAudit(tx, {
      teamId: done.teamId,
      actor: actorOf(o.member),
      action: "transfer_request.cancelled",
      targetType: "transfer_request",
      targetId: done.id,
      before: { ...auditSnapshot(r, payee) },
      after: auditSnapshot(done, payee),
      at: now,
    });
    await emitRequestEvent(tx, done, "canceled");
  });
}
