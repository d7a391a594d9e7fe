/** How a payee's rail and account read in one line: "Wire · ••6789", "JikoNet · ••9012". */
import type { Counterparty } from "./counterparties";

export const COUNTERPARTY_TYPE_LABELS: Record<Counterparty["type"], string> = {
  ach: "ACH",
  wire: "Wire",
  international_wire: "International wire",
  on_us: "JikoNet",
};

const last4 = (account: string) => `••${account.replace(/\s+/g, "").slice(-4)}`;

export function counterpartyAccount(c: Counterparty): string {
  switch (c.type) {
    case "ach":
      return last4(c.ach.account_number);
    case "wire":
      return last4(c.wire.account_number);
    case "international_wire":
      return `${c.international_wire.swift_code} ${last4(c.international_wire.account_number)}`;
    case "on_us":
      return last4(c.on_us.account_number);
  }
}

export const counterpartyLabel = (c: Counterparty) =>
  `${COUNTERPARTY_TYPE_LABELS[c.type]} · ${counterpartyAccount(c)}`;
