import { describe, expect, it } from "vitest";
import type { Transaction } from "../jiko/transactions";
import { payeeHistory } from "./payee-history";

let n = 0;
const wire = (name: string, cents: number, at: string, direction = "DEBIT"): Transaction =>
  ({
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
    type: "WIRE",
    direction,
    counterparty_name: name,
    amount: { value: cents, currency: "USD", formatted: "" },
    time_booked: at,
  }) as unknown as Transaction;

describe("payee history", () => {
  const ledger = [
    wire("Brightline Properties LLC", 48_000_00, "2026-09-01T15:00:00Z"),
    wire("brightline  properties llc", 48_000_00, "2026-10-01T15:00:00Z"),
    wire("Brightline Properties LLC", 52_000_00, "2026-11-02T15:00:00Z"),
    wire("Brightline Properties LLC", 10_000_00, "2026-11-05T15:00:00Z", "CREDIT"),
    wire("Other Co", 1_00, "2026-11-20T15:00:00Z"),
  ];

  it("counts outgoing payments to the name, newest last paid, median as typical", () => {
    expect(payeeHistory("Brightline Properties LLC", ledger, 49_000_00)).toEqual({
      count: 3,
      lastPaidAt: "2026-11-02T15:00:00Z",
      lastAmountCents: 52_000_00,
      typicalCents: 48_000_00,
      largestCents: 52_000_00,
      unusual: null,
    });
  });

  it("flags an amount far above the largest or the typical payment", () => {
    expect(payeeHistory("Brightline Properties LLC", ledger, 80_000_00).unusual).toMatch(/largest/);
    const many = [...ledger, wire("Brightline Properties LLC", 200_000_00, "2026-11-10T15:00:00Z")];
    // Largest is now $200,000 but the typical payment is $50,000: $160,000 is over 3 times it.
    expect(payeeHistory("Brightline Properties LLC", many, 160_000_00).unusual).toMatch(/typical/);
  });

  it("knows a first payment", () => {
    expect(payeeHistory("New Supplier GmbH", ledger, 5_000_00)).toMatchObject({
      count: 0,
      lastPaidAt: null,
      unusual: null,
    });
  });
});
