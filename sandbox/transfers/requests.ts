/**
 * Transfer requests under dual authorization (lib/jiko/transfers.ts, TRANSFER_RULES): the
 * response object, expiry on the sandbox clock, and the checks a new request passes: who may
 * start one, who may be named to review it, where the money may go and how much there is.
 * Refusals are `TeamRuleError`s (`{"detail": "..."}`) or `RequestInvalid` (a FastAPI 422).
 */
import { and, eq, inArray, lte } from "drizzle-orm";
import type { Role } from "../../lib/jiko/roles";
import {
  type CreateTransferRequest,
  type DualAuthUser,
  TRANSFER_RULES,
  TransferRequest,
  type TransferSpec,
} from "../../lib/jiko/transfers";
import { RequestInvalid } from "../api/team";
import { recordAudit } from "../audit";
import type { DbOrTx } from "../db/open";
import { counterparties, members, pockets, transferRequests } from "../db/schema";
import type { Member } from "../directory";
import { emitRequestEvent } from "../events/transfer-events";
import { usd } from "../ledger/valuation";
import { TeamRuleError } from "../team-admin";
import type { Route } from "./execute";

export type RequestRow = typeof transferRequests.$inferSelect;

export const isInitiator = (m: Member) => TRANSFER_RULES.initiators.includes(m.role as Role);
export const isReviewer = (m: Member) => TRANSFER_RULES.reviewers.includes(m.role as Role);

export const dualAuthUser = (m: Member): DualAuthUser => ({
  id: m.id,
  name: `${m.firstName} ${m.lastName}`.trim(),
  email: m.email,
  role: m.role,
  object_type: "DualAuthUser",
});

export const money = (cents: number) => usd(cents).formatted;

/** The members a page of requests names (creators, reviewers, deciders), by id. */
export async function membersOf(db: DbOrTx, rows: RequestRow[]): Promise<Map<string, Member>> {
  const ids = new Set<string>();
  for (const r of rows) {
    ids.add(r.createdBy);
    if (r.decidedBy) ids.add(r.decidedBy);
    for (const id of r.reviewers) ids.add(id);
  }
  if (!ids.size) return new Map();
  const found = await db
    .select()
    .from(members)
    .where(inArray(members.id, [...ids]));
  return new Map(found.map((m) => [m.id, m]));
}

export function toTransferRequest(
  r: RequestRow,
  people: Map<string, Member>,
  now: Date,
): TransferRequest {
  const user = (id: string) => dualAuthUser(people.get(id)!);
  const settled = r.settlesAt !== null && r.settlesAt <= now;
  return TransferRequest.parse({
    id: r.id,
    status: r.status,
    transfer: r.spec,
    amount: r.amount === null ? null : usd(r.amount),
    transfer_status:
      r.transferStatus === "PROCESSING" && settled ? "SUCCESS" : (r.transferStatus ?? null),
    created_by: user(r.createdBy),
    reviewers: r.reviewers.map(user),
    decided_by: r.decidedBy ? user(r.decidedBy) : null,
    decision_reason: r.decisionReason,
    time_created: r.createdAt.toISOString(),
    time_updated: r.updatedAt.toISOString(),
    time_decided: r.decidedAt?.toISOString() ?? null,
    time_expires: r.expiresAt.toISOString(),
    time_settled: settled ? r.settlesAt!.toISOString() : null,
    object_type: "TransferRequest",
  });
}

/** What the audit log keeps of a request: the amount and where it goes. */
export const auditSnapshot = (r: RequestRow, payee: string | null): Record<string, unknown> => ({
  id: r.id,
  status: r.status,
  type: r.type,
  origin_pocket_id: r.originPocketId,
  amount: r.amount === null ? null : usd(r.amount),
  amount_type: (r.spec.amount as { type: string }).type,
  payee,
  description: r.spec.description ?? null,
});

/** Turns PENDING requests past `expires_at` into EXPIRED (one audit entry each). */
export async function expireDue(db: DbOrTx, customerId: string, now: Date) {
  const expired = await db
    .update(transferRequests)
    .set({ status: "EXPIRED", updatedAt: now })
    .where(
      and(
        eq(transferRequests.customerId, customerId),
        eq(transferRequests.status, "PENDING"),
        lte(transferRequests.expiresAt, now),
      ),
    )
    .returning();
  for (const r of expired) {
    await recordAudit(db, {
      teamId: r.teamId,
      actor: null,
      action: "transfer_request.expired",
      targetType: "transfer_request",
      targetId: r.id,
      before: { ...auditSnapshot(r, await payeeName(db, r)), status: "PENDING" },
      after: auditSnapshot(r, await payeeName(db, r)),
      at: r.expiresAt,
    });
    await emitRequestEvent(db, r, "expired");
  }
}

/** A payee's status now: a PENDING one has turned VERIFIED once `verifies_at` has passed. */
export const payeeStatus = (c: typeof counterparties.$inferSelect, now: Date) =>
  c.status === "PENDING" && c.verifiesAt !== null && c.verifiesAt <= now ? "VERIFIED" : c.status;

const invalid = (loc: (string | number)[], msg: string, input?: unknown): never => {
  throw new RequestInvalid([{ loc: ["body", ...loc], msg, type: "value_error", input }]);
};

/** The named reviewers, each an ACTIVE member of the team with a reviewer role, not the creator. */
export async function checkReviewers(
  db: DbOrTx,
  teamId: string,
  creator: Member,
  ids: string[],
): Promise<void> {
  if (new Set(ids).size !== ids.length) invalid(["reviewers"], "A reviewer is named twice", ids);
  const found = ids.length
    ? await db
        .select()
        .from(members)
        .where(and(eq(members.teamId, teamId), inArray(members.id, ids)))
    : [];
  ids.forEach((id, i) => {
    const m = found.find((x) => x.id === id);
    if (!m) invalid(["reviewers", i], "Not a member of this team", id);
    else if (id === creator.id) {
      invalid(["reviewers", i], "The creator of a transfer request cannot review it", id);
    } else if (m.status !== "ACTIVE") {
      invalid(["reviewers", i], `This member is ${m.status}: only ACTIVE members review`, id);
    } else if (!isReviewer(m)) {
      invalid(
        ["reviewers", i],
        `A ${m.role} cannot review transfers (${TRANSFER_RULES.reviewers.join(" or ")} only)`,
        id,
      );
    }
  });
}

type OpenPocket = typeof pockets.$inferSelect;

async function ownPocket(db: DbOrTx, customerId: string, id: string, loc: string[]) {
  const [p] = await db
    .select()
    .from(pockets)
    .where(and(eq(pockets.id, id), eq(pockets.customerId, customerId)));
  if (!p) return invalid(loc, "Unknown pocket", id);
  if (p.status !== "OPEN") {
    return invalid(loc, `The pocket is ${p.status}: money moves only from and to OPEN pockets`, id);
  }
  return p as OpenPocket;
}

/** Where the money goes, checked: the origin pocket and the payee or destination pocket. */
export async function routeOf(
  db: DbOrTx,
  customerId: string,
  t: TransferSpec,
  now: Date,
): Promise<{ origin: OpenPocket; route: Route }> {
  const origin = await ownPocket(db, customerId, t.origin_pocket_id, [
    "transfer",
    "origin_pocket_id",
  ]);
  if (t.type === "USDC") {
    return invalid(
      ["transfer", "type"],
      "USDC transfers are not enabled for this customer",
      "USDC",
    );
  }
  if (t.type === "ON_US" && t.details.type === "INTERNAL_REALLOCATION") {
    const loc = ["transfer", "details", "destination_pocket_id"];
    if (t.details.destination_pocket_id === origin.id) {
      invalid(loc, "The destination must be another pocket", t.details.destination_pocket_id);
    }
    const dest = await ownPocket(db, customerId, t.details.destination_pocket_id, loc);
    return {
      origin,
      route: {
        kind: "INTERNAL",
        originName: origin.pocketName,
        destinationPocketId: dest.id,
        destinationName: dest.pocketName,
        security: t.details.transfer_type === "SECURITY_TRANSFER",
      },
    };
  }
  const wire = t.type === "WIRE";
  const id = wire
    ? t.counterparty_id
    : (t.details as { destination_counterparty_id: string }).destination_counterparty_id;
  const types = wire ? ["wire", "international_wire"] : ["on_us"];
  const loc = wire
    ? ["transfer", "counterparty_id"]
    : ["transfer", "details", "destination_counterparty_id"];
  const [c] = await db
    .select()
    .from(counterparties)
    .where(and(eq(counterparties.id, id), eq(counterparties.customerId, customerId)));
  if (!c) return invalid(loc, "Unknown counterparty", id);
  if (!types.includes(c.type)) {
    invalid(
      loc,
      `A ${t.type} transfer needs a ${types.join(" or ")} counterparty, not ${c.type}`,
      id,
    );
  }
  const status = payeeStatus(c, now);
  if (status !== "VERIFIED") {
    invalid(loc, `The counterparty is ${status}: money only goes to VERIFIED payees`, id);
  }
  return {
    origin,
    route: { kind: t.type === "WIRE" ? "WIRE" : "PEER_TO_PEER", counterpartyName: c.name },
  };
}

/** The payee's name as the audit log shows it. */
export async function payeeName(db: DbOrTx, r: RequestRow): Promise<string | null> {
  const t = r.spec as TransferSpec;
  if (t.type === "ON_US" && t.details.type === "INTERNAL_REALLOCATION") {
    const [p] = await db
      .select({ name: pockets.pocketName })
      .from(pockets)
      .where(eq(pockets.id, t.details.destination_pocket_id));
    return p?.name ?? null;
  }
  const id =
    t.type === "ON_US"
      ? (t.details as { destination_counterparty_id: string }).destination_counterparty_id
      : t.counterparty_id;
  const [c] = await db
    .select({ name: counterparties.name })
    .from(counterparties)
    .where(eq(counterparties.id, id));
  return c?.name ?? null;
}

/** Canonical JSON (keys sorted at every level): a repeated create compares bodies with it. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined && x !== null)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

export const sameRequest = (r: RequestRow, req: CreateTransferRequest) =>
  canonical(r.spec) === canonical(req.transfer) &&
  canonical(r.reviewers) === canonical(req.reviewers);

export const notFound = () => new TeamRuleError(404, "Not Found");
