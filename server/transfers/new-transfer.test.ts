import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAYABLE_STATUSES } from "@/lib/jiko/counterparties";
import type { Sandbox } from "@/sandbox/server";
import { sandboxViewer } from "../testing/sandbox-viewer";
import type { Viewer } from "../viewer";
import { allCounterparties, allTransferRequests } from "./lists";
import { availableToSend, payablePayees, reviewersFor } from "./new-transfer";

let sandbox: Sandbox;
let viewer: Viewer;

beforeAll(async () => {
  // An admin both initiates and reviews: the reviewers Jiko lists include them.
  ({ sandbox, viewer } = await sandboxViewer("ADMIN"));
}, 120_000);

afterAll(() => sandbox?.close());

describe("what the new-transfer form starts from, read from Jiko", () => {
  it("offers exactly the payees in a payable status", async () => {
    const [payable, every] = await Promise.all([
      payablePayees(viewer),
      allCounterparties(viewer.jiko),
    ]);
    const expected = every.filter((c) => PAYABLE_STATUSES.includes(c.status));
    // The seed has payees Jiko has not verified yet: the filter has something to leave out.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(every.length);
    expect(payable.items.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
  });

  it("never offers the viewer as their own reviewer", async () => {
    const [mine, listed] = await Promise.all([
      reviewersFor(viewer),
      viewer.jiko.transferReviewers(),
    ]);
    expect(listed.items.map((u) => u.id)).toContain(viewer.memberId);
    expect(mine.items.map((u) => u.id)).toEqual(
      listed.items.map((u) => u.id).filter((id) => id !== viewer.memberId),
    );
  });

  it("holds back what each open pocket's pending requests would take", async () => {
    const [{ items }, pockets, pending] = await Promise.all([
      availableToSend(viewer),
      viewer.jiko.pockets({ limit: 100 }),
      allTransferRequests(viewer.jiko, { status: "PENDING" }),
    ]);
    const open = pockets.items.filter((p) => p.status === "OPEN");
    expect(items.map((i) => i.pocketId).sort()).toEqual(open.map((p) => p.id).sort());
    for (const item of items) {
      const pocket = open.find((p) => p.id === item.pocketId)!;
      expect(item.valueCents).toBe(pocket.portfolio?.total_value.value ?? 0);
      expect(item.pendingCount).toBe(
        pending.filter((r) => r.transfer.origin_pocket_id === item.pocketId).length,
      );
      expect(item.availableCents).toBe(Math.max(item.valueCents - item.holdsCents, 0));
    }
    // The seed has pending requests: some pocket has money held for them.
    expect(items.some((i) => i.holdsCents > 0)).toBe(true);
  });
});
