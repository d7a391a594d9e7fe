/**
 * Notifications for the people concerned (INFERRED types, lib/jiko/events.ts NOTIFICATION_TYPES):
 * a transfer request awaiting their review, their request decided, their report ready.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import { TRANSFER_RULES } from "../../lib/jiko/transfers";
import type { DbOrTx } from "../db/open";
import { members, notifications } from "../db/schema";
import type { RequestRow } from "../transfers/requests";
import { money } from "../transfers/requests";
import { isEmitting } from "./store";

export interface NewNotification {
  memberId: string;
  type: string;
  title: string;
  description: string;
  metadata: Record<string, unknown>;
}

export async function notify(tx: DbOrTx, items: NewNotification[], at: Date) {
  if (!items.length || !isEmitting()) return;
  await tx
    .insert(notifications)
    .values(items.map((n) => ({ ...n, status: "UNREAD", createdAt: at })));
}

const fullName = (m: { firstName: string; lastName: string }) =>
  `${m.firstName} ${m.lastName}`.trim();

const amountOf = (r: RequestRow) => (r.amount === null ? "the full balance" : money(r.amount));

/** A new request: its named reviewers, or every active reviewer of the team but its creator. */
export async function notifyReviewers(tx: DbOrTx, r: RequestRow, payee: string | null, at: Date) {
  const [creator] = await tx.select().from(members).where(eq(members.id, r.createdBy));
  const reviewers = r.reviewers.length
    ? r.reviewers
    : (
        await tx
          .select({ id: members.id })
          .from(members)
          .where(
            and(
              eq(members.teamId, r.teamId),
              eq(members.status, "ACTIVE"),
              inArray(members.role, [...TRANSFER_RULES.reviewers]),
              ne(members.id, r.createdBy),
            ),
          )
      ).map((m) => m.id);
  const who = creator ? fullName(creator) : "A team member";
  await notify(
    tx,
    reviewers.map((memberId) => ({
      memberId,
      type: "TRANSFER_REQUEST_AWAITING_REVIEW",
      title: "Transfer request awaiting your review",
      description: `${who} requests ${amountOf(r)} to ${payee ?? "a payee"}.`,
      metadata: { transfer_request_id: r.id },
    })),
    at,
  );
}

/** A decision: the request's creator hears who approved or denied it. */
export async function notifyDecided(
  tx: DbOrTx,
  r: RequestRow,
  payee: string | null,
  decider: { firstName: string; lastName: string },
  at: Date,
) {
  const verb = r.status === "APPROVED" ? "approved" : "denied";
  await notify(
    tx,
    [
      {
        memberId: r.createdBy,
        type: "TRANSFER_REQUEST_DECIDED",
        title: `Transfer request ${verb}`,
        description: `Your request of ${amountOf(r)} to ${payee ?? "a payee"} was ${verb} by ${fullName(decider)}.`,
        metadata: { transfer_request_id: r.id },
      },
    ],
    at,
  );
}
