/**
 * The new-transfer form as people fill it, and the CreateTransferRequest it becomes. Amounts are
 * typed forgivingly ("1,000", "$1,000.50"); "everything" asks Jiko for a full withdrawal. The
 * rail follows the payee: a wire or international wire payee goes by WIRE, a JikoNet payee by
 * ON_US peer-to-peer, one's own pocket by ON_US internal reallocation. ACH payees pull money by
 * debit; nothing is pushed to them (Jiko's transfer requests have no ACH type).
 */
import { z } from "zod";
import type { Counterparty } from "../jiko/counterparties";
import { PAYABLE_TYPES } from "../jiko/transfer-terms";
import { type CreateTransferRequest, InternalTransferType } from "../jiko/transfers";
import { parseTypedDollars } from "../typed-dollars";

export { PAYABLE_TYPES };

/** The form's fields and their types, nothing more: the shape a half-filled form (a draft) has. */
export const NewTransferFields = z.object({
  origin_pocket_id: z.string(),
  to: z.enum(["payee", "pocket"]),
  counterparty_id: z.string(),
  destination_pocket_id: z.string(),
  transfer_type: InternalTransferType,
  everything: z.boolean(),
  amount: z.string(),
  description: z.string(),
  reviewers: z.array(z.string()),
});

/** The form as it may be sent. */
export const NewTransferForm = NewTransferFields.extend({
  origin_pocket_id: z.string().min(1, "Choose the pocket the money leaves"),
  description: z.string().trim().max(140, "A memo has at most 140 characters"),
}).superRefine((f, ctx) => {
  if (f.to === "payee" && !f.counterparty_id) {
    ctx.addIssue({ code: "custom", path: ["counterparty_id"], message: "Choose a payee" });
  }
  if (f.to === "pocket" && !f.destination_pocket_id) {
    ctx.addIssue({
      code: "custom",
      path: ["destination_pocket_id"],
      message: "Choose the pocket that receives the money",
    });
  }
  if (
    f.to === "pocket" &&
    f.destination_pocket_id &&
    f.destination_pocket_id === f.origin_pocket_id
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["destination_pocket_id"],
      message: "Choose a pocket other than the one the money leaves",
    });
  }
  if (!f.everything) {
    const typed = parseTypedDollars(f.amount);
    if (!typed.ok) ctx.addIssue({ code: "custom", path: ["amount"], message: typed.message });
    else if (typed.cents === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        message: "The amount must be more than $0.00",
      });
    }
  }
});
export type NewTransferForm = z.infer<typeof NewTransferForm>;

export const BLANK_TRANSFER: NewTransferForm = {
  origin_pocket_id: "",
  to: "payee",
  counterparty_id: "",
  destination_pocket_id: "",
  transfer_type: "BANK_TRANSFER",
  everything: false,
  amount: "",
  description: "",
  reviewers: [],
};

/** The request for a valid form. `id` is minted once per form, so a resend finds the first. */
export function toTransferRequest(
  f: NewTransferForm,
  id: string,
  payees: readonly Counterparty[],
): CreateTransferRequest {
  const typed = parseTypedDollars(f.amount);
  const amount = f.everything
    ? ({ type: "FULL_WITHDRAWAL" } as const)
    : ({ type: "REQUESTED_AMOUNT", amount_usdc: typed.ok ? typed.cents : 0 } as const);
  const base = {
    id,
    origin_pocket_id: f.origin_pocket_id,
    amount,
    description: f.description.trim() || null,
  };
  if (f.to === "pocket") {
    return {
      transfer: {
        ...base,
        type: "ON_US",
        details: {
          type: "INTERNAL_REALLOCATION",
          destination_pocket_id: f.destination_pocket_id,
          transfer_type: f.transfer_type,
        },
      },
      reviewers: f.reviewers,
    };
  }
  const payee = payees.find((p) => p.id === f.counterparty_id);
  if (!payee || !PAYABLE_TYPES.includes(payee.type)) {
    throw new Error("The payee cannot receive transfers");
  }
  return {
    transfer:
      payee.type === "on_us"
        ? {
            ...base,
            type: "ON_US",
            details: { type: "PEER_TO_PEER", destination_counterparty_id: payee.id },
          }
        : { ...base, type: "WIRE", counterparty_id: payee.id },
    reviewers: f.reviewers,
  };
}

/** The form field a refusal from the route or Jiko belongs under ("root": above the form). */
export function formFieldOf(path: string): keyof NewTransferForm | "root" {
  if (path.startsWith("transfer.amount")) return "amount";
  if (path === "transfer.origin_pocket_id") return "origin_pocket_id";
  if (path === "transfer.details.destination_pocket_id") return "destination_pocket_id";
  if (
    path === "transfer.counterparty_id" ||
    path === "transfer.details.destination_counterparty_id"
  ) {
    return "counterparty_id";
  }
  if (path === "transfer.details.transfer_type") return "transfer_type";
  if (path === "transfer.description") return "description";
  if (path === "reviewers" || path.startsWith("reviewers.")) return "reviewers";
  return "root";
}
