import { describe, expect, it } from "vitest";
import type { DualAuthUser, TransferRequest } from "../jiko/transfers";
import { type ReviewInputs, reviewQueue } from "./review";

const person = (n: number, role: string): DualAuthUser => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  name: `Person ${n}`,
  email: `p${n}@example.com`,
  role,
});
const initiator = person(1, "INITIATOR");
const me = person(2, "REVIEWER");
const POCKET = "10000000-0000-4000-8000-000000000001";
const PAYEE = "20000000-0000-4000-8000-000000000001";

/** A pending $n wire created n minutes after 9:00, by the initiator or by me. */
const request = (n: number, by = initiator): TransferRequest => {
  const created = new Date(Date.UTC(2026, 10, 2, 9, n)).toISOString();
  return {
    id: `30000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    status: "PENDING",
    transfer: {
      id: `40000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
      type: "WIRE",
      origin_pocket_id: POCKET,
      counterparty_id: PAYEE,
      amount: { type: "REQUESTED_AMOUNT", amount_usdc: n * 100 },
    },
    amount: null,
    transfer_status: null,
    created_by: by,
    reviewers: [],
    decided_by: null,
    decision_reason: null,
    time_created: created,
    time_updated: created,
    time_decided: null,
    time_expires: new Date(Date.UTC(2026, 10, 5, 9, n)).toISOString(),
    time_settled: null,
    object_type: "TransferRequest",
  };
};

const inputs = (pending: TransferRequest[]): ReviewInputs => ({
  pending,
  pockets: [],
  counterparties: [],
  payments: [],
  reviewers: [me],
  me: { memberId: me.id, role: "REVIEWER" },
});

describe("the review queue", () => {
  // Jiko lists newest first: 120 requests, every sixth (6, 12, …) mine, which I may not decide.
  const pending = Array.from({ length: 120 }, (_, i) =>
    request(120 - i, i % 6 === 0 ? me : initiator),
  );

  it("counts every request awaiting me and sends the oldest `first` with their context", () => {
    const queue = reviewQueue(inputs(pending), 50);
    expect(queue.total).toBe(100);
    expect(queue.items).toHaveLength(50);
    const created = queue.items.map((i) => i.request.time_created);
    expect(created).toEqual([...created].sort());
    expect(queue.items.every((i) => i.request.created_by.id === initiator.id)).toBe(true);
    // The oldest leads; the 50th awaiting me is request 59 (50 + the 9 of mine before it).
    expect(queue.items[0]?.amountCents).toBe(100);
    expect(queue.items[49]?.amountCents).toBe(5_900);
  });

  it("sends the whole queue when asked for more than it holds, and a longer head extends a shorter", () => {
    const all = reviewQueue(inputs(pending), 2_000);
    expect(all.items).toHaveLength(100);
    const head = reviewQueue(inputs(pending), 50).items.map((i) => i.request.id);
    expect(all.items.slice(0, 50).map((i) => i.request.id)).toEqual(head);
  });
});
