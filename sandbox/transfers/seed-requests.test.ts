import { describe, expect, it } from "vitest";
import { AuditLogList } from "../../lib/jiko/audit";
import { TransactionList } from "../../lib/jiko/transactions";
import { TransferRequestList } from "../../lib/jiko/transfers";
import { SEED } from "../seed";
import { seedTransferRequests } from "./seed-requests";
import { call, MONDAY, payee, sb, withTransferSandbox } from "./test-kit";

withTransferSandbox();

describe("seeded transfer requests", () => {
  it("gives the US company three pending requests by its initiator and a few decided ones", async () => {
    await payee("wire", "Atlas Fleet Equipment Inc.");
    await payee("on_us", "Harborline Europe B.V.");
    await seedTransferRequests(sb.db, MONDAY, {
      customerId: SEED.customers.us,
      teamId: SEED.teams.us,
    });
    const list = TransferRequestList.parse(
      (await call("avery", "GET", "/api/v1/transfer-requests/?limit=100")).json,
    );
    const pending = list.items.filter((r) => r.status === "PENDING");
    expect(pending).toHaveLength(3);
    expect(new Set(pending.map((r) => r.created_by.name))).toEqual(new Set(["Sam Rivera"]));
    expect(new Set(pending.map((r) => r.transfer.origin_pocket_id)).size).toBe(3);
    expect(pending.map((r) => r.transfer.type)).toEqual(["ON_US", "ON_US", "WIRE"]);
    for (const r of pending) expect(r.transfer.description?.length).toBeGreaterThan(10);
    expect(list.items.map((r) => r.status).sort()).toEqual([
      "APPROVED",
      "CANCELED",
      "DENIED",
      "PENDING",
      "PENDING",
      "PENDING",
    ]);
    const approved = list.items.find((r) => r.status === "APPROVED")!;
    expect(approved).toMatchObject({
      transfer_status: "SUCCESS",
      decided_by: { name: "Jordan Patel" },
    });
    const moved = TransactionList.parse(
      (await call("avery", "GET", `/api/v2/transactions/?on_us_transfer[]=${approved.id}`)).json,
    );
    expect(moved.items.map((t) => t.direction).sort()).toEqual(["CREDIT", "DEBIT"]);
    expect(moved.items[0]!.amount.value).toBe(approved.amount!.value);
    expect(list.items.find((r) => r.status === "DENIED")!.decision_reason).toMatch(/Duplicate/);
    const audit = AuditLogList.parse(
      (
        await call(
          "avery",
          "GET",
          "/api/v1/team/audit-logs/?action[]=transfer_request.created&limit=100",
        )
      ).json,
    );
    expect(audit.items).toHaveLength(6);
  });
});
