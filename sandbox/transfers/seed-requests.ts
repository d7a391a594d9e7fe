/**
 * Seeded transfer requests of one company: three PENDING ones by its initiator (different payees
 * and pockets, made hours apart, all within the 72-hour window) and a few decided ones: the
 * latest same-entity transfer of the seeded history as an APPROVED, settled request (its id is
 * that transfer's on_us_id, as Jiko's are), one DENIED with a reason, one CANCELED. Audit entries
 * match. Runs after the ledger and the payees are seeded, in the seed's transaction.
 */
import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import { TRANSFER_RULES, TransferSpec } from "../../lib/jiko/transfers";
import { type AuditActorInput, actorOf, recordAudit } from "../audit";
import type { DbOrTx } from "../db/open";
import {
  counterparties,
  members,
  pocketEod,
  pocketFlows,
  pockets,
  transferRequests,
} from "../db/schema";
import { stableId } from "../ids";
import { auditSnapshot, payeeStatus, type RequestRow } from "./requests";

const HOUR = 3_600_000;

/** The row of a PENDING request by `createdBy`, naming no reviewer, expiring after Jiko's window. */
export function pendingRequestRow(o: {
  customerId: string;
  teamId: string;
  createdBy: string;
  transfer: TransferSpec;
  createdAt: Date;
}): typeof transferRequests.$inferInsert {
  const t = o.transfer;
  return {
    id: t.id,
    customerId: o.customerId,
    teamId: o.teamId,
    originPocketId: t.origin_pocket_id,
    type: t.type,
    spec: t as Record<string, unknown>,
    reviewers: [],
    createdBy: o.createdBy,
    status: "PENDING",
    amount: t.amount.type === "REQUESTED_AMOUNT" ? t.amount.amount_usdc : null,
    createdAt: o.createdAt,
    updatedAt: o.createdAt,
    expiresAt: new Date(o.createdAt.getTime() + TRANSFER_RULES.expiresAfterHours * HOUR),
  };
}

export async function seedTransferRequests(
  tx: DbOrTx,
  now: Date,
  o: { customerId: string; teamId: string },
): Promise<void> {
  const team = await tx
    .select()
    .from(members)
    .where(and(eq(members.teamId, o.teamId), eq(members.status, "ACTIVE")));
  const initiator = team.find((m) => m.role === "INITIATOR");
  const reviewer = team.find((m) => m.role === "REVIEWER") ?? team.find((m) => m.role === "ADMIN");
  if (!initiator || !reviewer) return;
  const own = await tx
    .select()
    .from(pockets)
    .where(and(eq(pockets.customerId, o.customerId), eq(pockets.status, "OPEN")))
    .orderBy(asc(pockets.createdAt));
  if (own.length < 4) return;
  const [operating, payroll, tax, strategic] = own as [
    (typeof own)[0],
    (typeof own)[0],
    (typeof own)[0],
    (typeof own)[0],
  ];
  const payees = (
    await tx
      .select()
      .from(counterparties)
      .where(
        and(
          eq(counterparties.customerId, o.customerId),
          inArray(counterparties.type, ["wire", "international_wire", "on_us"]),
        ),
      )
      .orderBy(asc(counterparties.seq))
  ).filter((c) => payeeStatus(c, now) === "VERIFIED");
  const wire = payees.find((c) => c.type === "wire");
  const abroad = payees.find((c) => c.type === "international_wire");
  const onUs = payees.find((c) => c.type === "on_us");

  /** A fifth of the pocket's latest end-of-day value at most: every hold stays payable. */
  const cap = async (pocketId: string, cents: number) => {
    const [e] = await tx
      .select({ total: pocketEod.total })
      .from(pocketEod)
      .where(
        and(eq(pocketEod.pocketId, pocketId), lte(pocketEod.date, now.toISOString().slice(0, 10))),
      )
      .orderBy(desc(pocketEod.date))
      .limit(1);
    return Math.max(1, Math.min(cents, Math.floor((e?.total ?? 0) / 5)));
  };
  const amount = async (pocketId: string, cents: number) => ({
    type: "REQUESTED_AMOUNT" as const,
    amount_usdc: await cap(pocketId, cents),
  });
  const toPocket = (to: string) => ({
    type: "INTERNAL_REALLOCATION" as const,
    destination_pocket_id: to,
  });
  const rows: Array<{ row: RequestRow; payee: string; decidedBy?: AuditActorInput }> = [];
  const add = async (
    key: string,
    spec: Record<string, unknown>,
    createdHoursAgo: number,
    payee: string,
    decision?: Partial<RequestRow>,
  ) => {
    const t = TransferSpec.parse({ id: stableId("transfer-request", key), ...spec });
    const createdAt = new Date(now.getTime() - createdHoursAgo * HOUR);
    const [row] = await tx
      .insert(transferRequests)
      .values({
        ...pendingRequestRow({ ...o, createdBy: initiator.id, transfer: t, createdAt }),
        ...decision,
      })
      .returning();
    rows.push({ row: row!, payee });
  };

  // Pending: a supplier's wire, a payment to a JikoNet payee, a same-entity top-up.
  await add(
    "pending-1",
    wire
      ? {
          type: "WIRE",
          origin_pocket_id: operating.id,
          counterparty_id: wire.id,
          amount: await amount(operating.id, 48_250_00),
          description: "Invoice ATL-20931, fleet maintenance (Nov)",
        }
      : {
          type: "ON_US",
          origin_pocket_id: operating.id,
          details: toPocket(tax.id),
          amount: await amount(operating.id, 48_250_00),
          description: "Q4 estimated tax set-aside",
        },
    30,
    wire ? wire.name : tax.pocketName,
  );
  await add(
    "pending-2",
    onUs
      ? {
          type: "ON_US",
          origin_pocket_id: tax.id,
          details: { type: "PEER_TO_PEER", destination_counterparty_id: onUs.id },
          amount: await amount(tax.id, 120_000_00),
          description: "Intercompany settlement, October services",
        }
      : abroad
        ? {
            type: "WIRE",
            origin_pocket_id: tax.id,
            counterparty_id: abroad.id,
            amount: await amount(tax.id, 120_000_00),
            description: "Rotterdam freight, invoice RFP-7781",
          }
        : {
            type: "ON_US",
            origin_pocket_id: tax.id,
            details: toPocket(operating.id),
            amount: await amount(tax.id, 120_000_00),
            description: "Release surplus tax reserve",
          },
    7,
    onUs ? onUs.name : abroad ? abroad.name : operating.pocketName,
  );
  await add(
    "pending-3",
    {
      type: "ON_US",
      origin_pocket_id: strategic.id,
      details: toPocket(payroll.id),
      amount: await amount(strategic.id, 350_000_00),
      description: "Top up payroll for the Dec 18 run",
    },
    2,
    payroll.pocketName,
  );

  // Decided: the latest same-entity transfer of the history, approved and settled.
  const [past] = await tx
    .select()
    .from(pocketFlows)
    .where(
      and(
        inArray(
          pocketFlows.pocketId,
          own.map((p) => p.id),
        ),
        eq(pocketFlows.rail, "ON_US"),
        eq(pocketFlows.kind, "WITHDRAWAL"),
        lte(pocketFlows.bookedAt, new Date(now.getTime() - 24 * HOUR)),
      ),
    )
    .orderBy(desc(pocketFlows.bookedAt))
    .limit(1);
  const to = own.find((p) => p.id === (past?.details.counterparty_pocket_id as string | undefined));
  if (past?.transferId && to) {
    const decidedAt = new Date(past.bookedAt.getTime() - HOUR);
    const t = TransferSpec.parse({
      id: past.transferId,
      type: "ON_US",
      origin_pocket_id: past.pocketId,
      details: toPocket(to.id),
      amount: { type: "REQUESTED_AMOUNT", amount_usdc: past.amount },
      description: past.description,
    });
    const createdAt = new Date(decidedAt.getTime() - 5 * HOUR);
    const [row] = await tx
      .insert(transferRequests)
      .values({
        id: t.id,
        customerId: o.customerId,
        teamId: o.teamId,
        originPocketId: t.origin_pocket_id,
        type: "ON_US",
        spec: t as Record<string, unknown>,
        reviewers: [reviewer.id],
        createdBy: initiator.id,
        status: "APPROVED",
        transferStatus: "PROCESSING",
        amount: past.amount,
        decidedBy: reviewer.id,
        decisionReason: "Matches the payroll schedule",
        createdAt,
        updatedAt: decidedAt,
        decidedAt,
        expiresAt: new Date(createdAt.getTime() + TRANSFER_RULES.expiresAfterHours * HOUR),
        executeOn: past.date,
        settlesAt: past.bookedAt,
      })
      .returning();
    rows.push({ row: row!, payee: to.pocketName, decidedBy: actorOf(reviewer) });
  }
  const deniedAt = new Date(now.getTime() - 100 * HOUR);
  await add(
    "denied",
    wire
      ? {
          type: "WIRE",
          origin_pocket_id: payroll.id,
          counterparty_id: wire.id,
          amount: await amount(payroll.id, 12_480_00),
          description: "Invoice ATL-20877",
        }
      : {
          type: "ON_US",
          origin_pocket_id: payroll.id,
          details: toPocket(strategic.id),
          amount: await amount(payroll.id, 12_480_00),
          description: "Sweep payroll surplus",
        },
    120,
    wire ? wire.name : strategic.pocketName,
    {
      status: "DENIED",
      decidedBy: reviewer.id,
      decidedAt: deniedAt,
      updatedAt: deniedAt,
      decisionReason: "Duplicate: this invoice was already paid by ACH on Nov 20",
    },
  );
  rows.at(-1)!.decidedBy = actorOf(reviewer);
  const cancelledAt = new Date(now.getTime() - 190 * HOUR);
  await add(
    "cancelled",
    {
      type: "ON_US",
      origin_pocket_id: operating.id,
      details: toPocket(strategic.id),
      amount: await amount(operating.id, 500_000_00),
      description: "Quarterly excess sweep (early)",
    },
    200,
    strategic.pocketName,
    { status: "CANCELED", updatedAt: cancelledAt },
  );

  for (const { row, payee, decidedBy } of rows) {
    const created = { ...row, status: "PENDING" };
    await recordAudit(tx, {
      teamId: o.teamId,
      actor: actorOf(initiator),
      action: "transfer_request.created",
      targetType: "transfer_request",
      targetId: row.id,
      before: null,
      after: auditSnapshot(created, payee),
      at: row.createdAt,
    });
    if (row.status === "PENDING") continue;
    const action = { APPROVED: "approved", DENIED: "denied", CANCELED: "cancelled" }[row.status] as
      | "approved"
      | "denied"
      | "cancelled";
    await recordAudit(tx, {
      teamId: o.teamId,
      actor: decidedBy ?? actorOf(initiator),
      action: `transfer_request.${action}`,
      targetType: "transfer_request",
      targetId: row.id,
      before: auditSnapshot(created, payee),
      after: { ...auditSnapshot(row, payee), reason: row.decisionReason },
      at: row.decidedAt ?? row.updatedAt,
    });
  }
}
