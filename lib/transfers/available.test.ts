import { describe, expect, it } from "vitest";
import type { TransferRequest } from "../jiko/transfers";
import { availableOf } from "./available";

const POCKET = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const usd = (value: number) => ({ value, currency: "USD", formatted: "" });
const pocket = { id: POCKET, portfolio: { total_value: usd(1_000_000_00) } } as never;

let n = 0;
const request = (
  status: TransferRequest["status"],
  amount: TransferRequest["transfer"]["amount"],
  origin = POCKET,
) =>
  ({
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
    status,
    transfer: { origin_pocket_id: origin, amount },
  }) as unknown as TransferRequest;

describe("available balance", () => {
  it("is the value less the pocket's pending outgoing requests only", () => {
    const pending = [
      request("PENDING", { type: "REQUESTED_AMOUNT", amount_usdc: 250_000_00 }),
      request("PENDING", { type: "REQUESTED_AMOUNT", amount_usdc: 100_000_00 }),
      request("APPROVED", { type: "REQUESTED_AMOUNT", amount_usdc: 999_00 }),
      request("PENDING", { type: "REQUESTED_AMOUNT", amount_usdc: 5_00 }, OTHER),
    ];
    expect(availableOf(pocket, pending)).toEqual({
      pocketId: POCKET,
      valueCents: 1_000_000_00,
      holdsCents: 350_000_00,
      pendingCount: 2,
      availableCents: 650_000_00,
    });
    // A request's own hold is left out when judging that request.
    expect(availableOf(pocket, pending, { except: pending[0]!.id }).availableCents).toBe(
      900_000_00,
    );
  });

  it("holds everything for a pending full withdrawal, never below zero", () => {
    const pending = [
      request("PENDING", { type: "FULL_WITHDRAWAL" }),
      request("PENDING", { type: "REQUESTED_AMOUNT", amount_usdc: 1_00 }),
    ];
    expect(availableOf(pocket, pending).availableCents).toBe(0);
  });
});
