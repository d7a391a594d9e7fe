import type { TransactionType } from "@/lib/jiko/transactions";

export const TYPE_LABELS: Record<TransactionType, string> = {
  ACH: "ACH",
  WIRE: "Wire",
  CARD: "Card",
  ON_US: "Between pockets",
  FEE: "Fee",
  CREDIT: "Credit",
  GENERIC: "Other",
};
