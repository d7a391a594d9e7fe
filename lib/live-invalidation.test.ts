import { describe, expect, it } from "vitest";
import { keysToInvalidate } from "./live-invalidation";
import { queryKeys } from "./query-keys";

describe("keysToInvalidate", () => {
  it("a decided transfer request refreshes transfers (queue, lists, count), pockets and the bell", () => {
    const keys = keysToInvalidate("transfer_requests.approved");
    expect(keys).toContainEqual(["transfers"]);
    expect(keys).toContainEqual(queryKeys.pockets());
    expect(keys).toContainEqual(queryKeys.notifications());
    expect(keys).not.toContainEqual(queryKeys.team());
  });

  it("a settled wire refreshes balances and the ledger", () => {
    const keys = keysToInvalidate("transfers.wire.out.success");
    expect(keys).toEqual(expect.arrayContaining([["transactions"], ["trades"], ["pocket"]]));
  });

  it("a team change refreshes the team, the audit log and the viewer, not the ledger", () => {
    const keys = keysToInvalidate("team.members.updated");
    expect(keys).toEqual(expect.arrayContaining([queryKeys.team(), ["audit-log"], ["viewer"]]));
    expect(keys).not.toContainEqual(["transactions"]);
  });

  it("an event type Jiko adds later refreshes everything about money", () => {
    expect(keysToInvalidate("maturities.completed")).toContainEqual(["transactions"]);
  });
});
