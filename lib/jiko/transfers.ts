/**
 * Transfer requests: moving money under dual authorization (contract-notes §3, §8, §9).
 *
 * Documented: the paths; the create body `{transfer, reviewers}` with a client-minted
 * `transfer.id`, `type` ON_US / WIRE / USDC, `origin_pocket_id`, `amount` `{type, amount_usdc}`
 * in cents (REQUESTED_AMOUNT seen), ON_US `details` INTERNAL_REALLOCATION (with `transfer_type`
 * BANK_TRANSFER, the default, settling T+1, or SECURITY_TRANSFER, instant, JikoNet pockets only)
 * or PEER_TO_PEER; cancel answers 204; the create limit of 60 a minute and 1 a second; the
 * transfer request's id is the transfer's id (wire_id / on_us_id in events and transactions).
 *
 * INFERRED, in Jiko's style, here and nowhere else:
 * - FULL_WITHDRAWAL carries no amount ("the pocket's total available balance, net of fees").
 * - `reviewers` lists team member ids; empty means any eligible reviewer may decide.
 * - A repeated `transfer.id` answers 200 with the first request and never makes a second.
 * - The TransferRequest object below: its `status` (PENDING, APPROVED, DENIED, CANCELED,
 *   EXPIRED), the executed transfer's `transfer_status` (PROCESSING, SUCCESS, REJECTED, after the
 *   webhook events `transfers.*.processing|success|rejected`), DualAuthUser, and the decision
 *   body `{status: "APPROVED" | "DENIED", reason}`.
 * - Who may do what (TRANSFER_RULES): initiate ADMIN or INITIATOR; review ADMIN or REVIEWER;
 *   the creator never decides their own request; one approval executes it; a pending request
 *   expires 72 hours after it was made.
 * - The list is a cursor list, newest first, filtered by `status` and `origin_pocket_id`.
 */
import { z } from "zod";
import { cursorList, IsoDateTime, Money, offsetList } from "./common";
import { TRANSFER_REQUEST_STATUSES, TRANSFER_TYPES } from "./transfer-terms";

// The rules and the settlement helpers draw pages at first load, so they live without zod.
export * from "./transfer-terms";

export const TransferType = z.enum(TRANSFER_TYPES);
export type TransferType = z.infer<typeof TransferType>;

export const TransferAmount = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("REQUESTED_AMOUNT"),
    amount_usdc: z.number().int().positive("The amount must be more than $0.00"),
  }),
  z.object({ type: z.literal("FULL_WITHDRAWAL") }),
]);
export type TransferAmount = z.infer<typeof TransferAmount>;

export const InternalTransferType = z.enum(["BANK_TRANSFER", "SECURITY_TRANSFER"]);
export type InternalTransferType = z.infer<typeof InternalTransferType>;

export const OnUsDetails = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("INTERNAL_REALLOCATION"),
    destination_pocket_id: z.uuid(),
    transfer_type: InternalTransferType.optional(),
  }),
  z.object({
    type: z.literal("PEER_TO_PEER"),
    destination_counterparty_id: z.uuid(),
  }),
]);
export type OnUsDetails = z.infer<typeof OnUsDetails>;

const memo = z.string().trim().max(140, "A memo has at most 140 characters").nullish();
const base = {
  /** Minted by the caller, once per intended transfer: a retry with it never makes a second. */
  id: z.uuid(),
  origin_pocket_id: z.uuid(),
  amount: TransferAmount,
  description: memo,
  end_to_end_identification: z.string().max(35).nullish(),
};

export const TransferSpec = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("ON_US"), details: OnUsDetails }),
  z.object({ ...base, type: z.literal("WIRE"), counterparty_id: z.uuid() }),
  z.object({ ...base, type: z.literal("USDC"), counterparty_id: z.uuid() }),
]);
export type TransferSpec = z.infer<typeof TransferSpec>;

export const CreateTransferRequest = z.object({
  transfer: TransferSpec,
  reviewers: z.array(z.uuid()).default([]),
});
export type CreateTransferRequest = z.infer<typeof CreateTransferRequest>;

export const DualAuthUser = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  object_type: z.literal("DualAuthUser").optional(),
});
export type DualAuthUser = z.infer<typeof DualAuthUser>;
export const DualAuthUserList = offsetList(DualAuthUser);
export type DualAuthUserList = z.infer<typeof DualAuthUserList>;

export const TransferRequestStatus = z.enum(TRANSFER_REQUEST_STATUSES);
export type TransferRequestStatus = z.infer<typeof TransferRequestStatus>;

export const TransferStatus = z.enum(["PROCESSING", "SUCCESS", "REJECTED"]);
export type TransferStatus = z.infer<typeof TransferStatus>;

export const TransferRequest = z.object({
  id: z.uuid(),
  status: TransferRequestStatus,
  transfer: TransferSpec,
  /** What leaves the pocket: the requested amount, or for FULL_WITHDRAWAL the amount executed. */
  amount: Money.nullable(),
  transfer_status: TransferStatus.nullable(),
  created_by: DualAuthUser,
  reviewers: z.array(DualAuthUser),
  decided_by: DualAuthUser.nullable(),
  decision_reason: z.string().nullable(),
  time_created: IsoDateTime,
  time_updated: IsoDateTime,
  time_decided: IsoDateTime.nullable(),
  time_expires: IsoDateTime,
  /** When the money reached the payee (transfer_status SUCCESS). */
  time_settled: IsoDateTime.nullable(),
  object_type: z.literal("TransferRequest"),
});
export type TransferRequest = z.infer<typeof TransferRequest>;
export const TransferRequestList = cursorList(TransferRequest);
export type TransferRequestList = z.infer<typeof TransferRequestList>;

export const TransferRequestQuery = z.object({
  status: TransferRequestStatus.optional(),
  origin_pocket_id: z.uuid().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type TransferRequestQuery = z.infer<typeof TransferRequestQuery>;

export const UpdateTransferRequestStatus = z.object({
  status: z.enum(["APPROVED", "DENIED"]),
  reason: z.string().trim().max(500).nullish(),
});
export type UpdateTransferRequestStatus = z.infer<typeof UpdateTransferRequestStatus>;
