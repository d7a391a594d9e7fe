/**
 * The events of a transfer request's life: created, decided, cancelled, expired, its transfer
 * executed and settled, and the transactions it books (lib/jiko/events.ts). Payload ids: `wire_id`
 * and `on_us_id` are the request's id, as Transactions v2 names them.
 */
import { and, eq, lte } from "drizzle-orm";
import type { EventType } from "../../lib/jiko/events";
import type { TransferSpec } from "../../lib/jiko/transfers";
import type { DbOrTx } from "../db/open";
import { counterparties, pocketFlows, transferRequests } from "../db/schema";
import { openPocketAtAddress } from "../transfers/network-address";
import type { RequestRow } from "../transfers/requests";
import { emitEvent } from "./store";

type Lifecycle = "created" | "approved" | "denied" | "canceled" | "expired";

export function emitRequestEvent(tx: DbOrTx, r: RequestRow, what: Lifecycle) {
  return emitEvent(tx, {
    customerId: r.customerId,
    type: `transfer_requests.${what}`,
    payload: { transfer_request_id: r.id, pocket_id: r.originPocketId, status: r.status },
  });
}

/** "wire.out" for wires, "on-us" for JikoNet and internal transfers. */
const railOf = (r: RequestRow) => (r.type === "WIRE" ? "wire.out" : "on-us");

async function flowsOf(tx: DbOrTx, r: RequestRow) {
  return tx
    .select({
      transactionId: pocketFlows.transactionId,
      pocketId: pocketFlows.pocketId,
      kind: pocketFlows.kind,
    })
    .from(pocketFlows)
    .where(eq(pocketFlows.transferId, r.id));
}

function transferPayload(r: RequestRow, transactionId: string | undefined) {
  const idKey = r.type === "WIRE" ? "wire_id" : "on_us_id";
  return {
    [idKey]: r.id,
    transfer_request_id: r.id,
    pocket_id: r.originPocketId,
    ...(transactionId && { transaction_id: transactionId }),
  };
}

/**
 * An approval executed the transfer: processing (its transaction booked, not settled yet), or
 * already a success for a security transfer, whose bills move at once.
 */
export async function emitTransferExecuted(tx: DbOrTx, r: RequestRow) {
  if (r.transferStatus !== "PROCESSING" && r.transferStatus !== "SUCCESS") return;
  const out = (await flowsOf(tx, r)).find((f) => f.kind === "WITHDRAWAL");
  const phase = r.transferStatus === "SUCCESS" ? "success" : "processing";
  await emitEvent(tx, {
    customerId: r.customerId,
    type: `transfers.${railOf(r)}.${phase}` as EventType,
    payload: { ...transferPayload(r, out?.transactionId), status: r.transferStatus },
  });
}

/**
 * Transfers whose settlement time has passed on the sandbox clock turn SUCCESS (the stored status
 * catches up with what reads already showed): each emits its success, its transactions' change to
 * SETTLED, and `transfers.on-us.received` for the customer a JikoNet payment reaches.
 */
export async function settleDue(tx: DbOrTx, now: Date) {
  const settled = await tx
    .update(transferRequests)
    .set({ transferStatus: "SUCCESS" })
    .where(
      and(eq(transferRequests.transferStatus, "PROCESSING"), lte(transferRequests.settlesAt, now)),
    )
    .returning();
  for (const r of settled) {
    const flows = await flowsOf(tx, r);
    const out = flows.find((f) => f.kind === "WITHDRAWAL");
    await emitEvent(tx, {
      customerId: r.customerId,
      type: `transfers.${railOf(r)}.success` as EventType,
      payload: { ...transferPayload(r, out?.transactionId), status: "SUCCESS" },
    });
    for (const f of flows) {
      await emitEvent(tx, {
        customerId: r.customerId,
        type: "transactions.status_changed",
        payload: { transaction_id: f.transactionId, pocket_id: f.pocketId, status: "SETTLED" },
      });
    }
    await emitReceived(tx, r, out?.transactionId);
  }
}

async function emitReceived(tx: DbOrTx, r: RequestRow, transactionId: string | undefined) {
  const t = r.spec as TransferSpec;
  if (t.type !== "ON_US" || t.details.type === "INTERNAL_REALLOCATION") return;
  const [c] = await tx
    .select()
    .from(counterparties)
    .where(eq(counterparties.id, t.details.destination_counterparty_id));
  const address = (c?.details as { account_number?: string } | undefined)?.account_number;
  const pocket = address ? await openPocketAtAddress(tx, address) : undefined;
  if (!pocket) return;
  await emitEvent(tx, {
    customerId: pocket.customerId,
    type: "transfers.on-us.received",
    payload: {
      on_us_id: r.id,
      receiving_pocket_id: pocket.id,
      ...(transactionId && { transaction_activity_id: transactionId }),
    },
  });
}
