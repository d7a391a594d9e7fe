/**
 * A pocket's available balance, as a bank's reference defines it: the balance minus the holds on
 * it. The balance is the pocket's value (cash plus bills at today's mark); the holds are its
 * pending outgoing transfer requests, which Jiko will fund from it if approved. A pending
 * "everything" request holds the whole value. Every amount check in the dashboard reads this.
 */
import type { Pocket } from "../jiko/pockets";
import type { TransferRequest } from "../jiko/transfers";

export interface Available {
  pocketId: string;
  valueCents: number;
  holdsCents: number;
  /** Pending requests from the pocket. */
  pendingCount: number;
  availableCents: number;
}

/** What a pending request would take out of its pocket (everything, for FULL_WITHDRAWAL). */
export function holdOf(r: TransferRequest, valueCents: number): number {
  const amount = r.transfer.amount;
  return amount.type === "FULL_WITHDRAWAL" ? valueCents : amount.amount_usdc;
}

export function availableOf(
  pocket: Pick<Pocket, "id" | "portfolio">,
  pending: readonly TransferRequest[],
  opts: { except?: string } = {},
): Available {
  const valueCents = pocket.portfolio?.total_value.value ?? 0;
  const holds = pending.filter(
    (r) =>
      r.status === "PENDING" && r.transfer.origin_pocket_id === pocket.id && r.id !== opts.except,
  );
  const holdsCents = holds.reduce((sum, r) => sum + holdOf(r, valueCents), 0);
  return {
    pocketId: pocket.id,
    valueCents,
    holdsCents,
    pendingCount: holds.length,
    availableCents: Math.max(valueCents - holdsCents, 0),
  };
}
