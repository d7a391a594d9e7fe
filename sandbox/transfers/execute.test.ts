import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { TradeV2List } from "../../lib/jiko/trades";
import { TransactionList } from "../../lib/jiko/transactions";
import { TransferRequest } from "../../lib/jiko/transfers";
import { pocketFlows } from "../db/schema";
import { executionDay, settlementOf } from "./execute";
import {
  call,
  create,
  decide,
  P,
  payee,
  pocketValue,
  reallocate,
  sb,
  wireTo,
  withTransferSandbox,
} from "./test-kit";

const at = (iso: string) => new Date(iso);

describe("when an approved transfer is booked and settles", () => {
  it("books today before the 14:30Z run on a business day, else the next business day", () => {
    expect(executionDay("2026-11-30", at("2026-11-30T13:00:00Z"))).toBe("2026-11-30");
    expect(executionDay("2026-11-30", at("2026-11-30T14:30:00Z"))).toBe("2026-12-01");
    expect(executionDay("2026-11-28", at("2026-11-28T13:00:00Z"))).toBe("2026-11-30");
    // Friday after Thanksgiving is a business day; Thanksgiving itself is not.
    expect(executionDay("2026-11-26", at("2026-11-26T13:00:00Z"))).toBe("2026-11-27");
  });

  it("settles on-us at approval, wires before the 17:00 New York cut-off, same-entity T+1", () => {
    const monday = "2026-11-30";
    const morning = at("2026-11-30T15:00:00Z"); // 10:00 New York, after the day's run
    expect(settlementOf("PEER_TO_PEER", monday, morning)).toEqual(morning);
    expect(settlementOf("WIRE", monday, morning)).toEqual(morning);
    expect(settlementOf("WIRE", monday, at("2026-11-30T21:59:00Z"))).toEqual(
      at("2026-11-30T21:59:00Z"),
    );
    // 17:00 New York is 22:00Z in winter: past the cut-off, the next business day's run.
    expect(settlementOf("WIRE", monday, at("2026-11-30T22:00:00Z"))).toEqual(
      at("2026-12-01T14:30:00.000Z"),
    );
    expect(settlementOf("WIRE", "2026-11-28", at("2026-11-28T15:00:00Z"))).toEqual(
      at("2026-11-30T14:30:00.000Z"),
    );
    expect(settlementOf("INTERNAL", monday, at("2026-11-30T13:00:00Z"))).toEqual(
      at("2026-12-01T14:30:00.000Z"),
    );
    expect(settlementOf("INTERNAL", "2026-12-04", at("2026-12-04T16:00:00Z"))).toEqual(
      at("2026-12-08T14:30:00.000Z"),
    );
  });
});

describe("approving executes the transfer in the ledger", () => {
  withTransferSandbox();
  const R = "/api/v1/transfer-requests/";
  const advance = (days: number) =>
    fetch(`${sb.apiUrl}/_sandbox/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ days }),
    });
  const ids: Record<string, TransferRequest> = {};

  it("refuses an approval the pocket can no longer pay (409 with the available figure)", async () => {
    const cp = await payee("wire", "Equipment Lessor LLC");
    const value = (await pocketValue(P.tax)).total_value.value;
    const r = TransferRequest.parse(
      (await create("sam", wireTo(cp, Math.floor(value / 2), P.tax))).json,
    );
    // Money left the pocket another way since the request was made: an ACH debit today.
    await sb.db.insert(pocketFlows).values({
      pocketId: P.tax,
      date: "2026-11-30",
      kind: "WITHDRAWAL",
      amount: Math.floor(value * 0.6),
      description: "IRS estimated tax",
    });
    const res = await decide("jordan", r.id, "APPROVED");
    expect(res.status).toBe(409);
    const left = (await pocketValue(P.tax)).total_value;
    expect(res.json.detail).toContain(`available balance is ${left.formatted}`);
    expect((await call("sam", "GET", `${R}${r.id}/`)).json.status).toBe("PENDING");
  });

  it("books a wire, an on-us payment, a reallocation and a full withdrawal on approval", async () => {
    const wire = await payee("wire", "Atlas Fleet Equipment Inc.");
    const onUs = await payee("on_us", "Harborline Europe B.V.");
    const requests = {
      wire: wireTo(wire, 250_000_00, P.operating),
      p2p: {
        transfer: {
          id: crypto.randomUUID(),
          type: "ON_US",
          origin_pocket_id: P.operating,
          amount: { type: "REQUESTED_AMOUNT", amount_usdc: 40_000_00 },
          details: { type: "PEER_TO_PEER", destination_counterparty_id: onUs },
        },
      },
      move: reallocate(P.payroll, P.operating, 75_000_00),
      full: wireTo(wire, "FULL", P.strategic),
    };
    const strategic = (await pocketValue(P.strategic)).total_value.value;
    for (const [k, body] of Object.entries(requests)) {
      const made = await create("sam", body);
      expect(made.status, JSON.stringify(made.json)).toBe(201);
      const res = await decide("jordan", made.json.id, "APPROVED", "Checked");
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      ids[k] = TransferRequest.parse(res.json);
    }
    expect(ids.full!.amount!.value).toBeGreaterThan(strategic - 100);
    expect(ids.full!.amount!.value).toBeLessThanOrEqual(strategic);
    // Monday 08:00 New York: wire before the cut-off and on-us settle at approval; T+1 waits.
    expect(ids.wire).toMatchObject({ status: "APPROVED", transfer_status: "SUCCESS" });
    expect(ids.p2p).toMatchObject({ transfer_status: "SUCCESS" });
    expect(ids.move).toMatchObject({ transfer_status: "PROCESSING", time_settled: null });
    const flows = await sb.db.select().from(pocketFlows).where(eq(pocketFlows.date, "2026-11-30"));
    const mine = (id: string) => flows.filter((f) => f.transferId === id);
    expect(mine(ids.wire!.id)).toMatchObject([
      { kind: "WITHDRAWAL", rail: "WIRE", amount: 250_000_00, pocketId: P.operating },
    ]);
    expect(mine(ids.p2p!.id)).toMatchObject([
      { rail: "ON_US", details: { counterparty_name: "Harborline Europe B.V." } },
    ]);
    const legs = mine(ids.move!.id);
    expect(legs.map((f) => [f.pocketId, f.kind]).sort()).toEqual(
      [
        [P.operating, "DEPOSIT"],
        [P.payroll, "WITHDRAWAL"],
      ].sort(),
    );
    expect(legs[0]!.transactionId).toBe(legs[1]!.transactionId);
    // No trade yet: the day's run has not happened.
    const before = TradeV2List.parse(
      (
        await call(
          "avery",
          "GET",
          `/api/v2/trades/?pocket_id[]=${P.strategic}&book_date_from=2026-11-30`,
        )
      ).json,
    );
    expect(before.items).toHaveLength(0);
  });

  it("sells bills on the day's run and settles the transactions with the request's id", async () => {
    expect((await advance(1)).status).toBe(200);
    const sells = TradeV2List.parse(
      (
        await call(
          "avery",
          "GET",
          `/api/v2/trades/?pocket_id[]=${P.strategic}&book_date_from=2026-11-30&book_date_to=2026-11-30`,
        )
      ).json,
    );
    // The full withdrawal's day sold the pocket's bills (nearest maturity first).
    expect(sells.items.some((t) => t.activity === "SELL")).toBe(true);
    const wire = TransactionList.parse(
      (await call("avery", "GET", `/api/v2/transactions/?wire[]=${ids.wire!.id}`)).json,
    );
    expect(wire.items).toHaveLength(1);
    expect(wire.items[0]).toMatchObject({
      status: "SETTLED",
      direction: "DEBIT",
      type: "WIRE",
      wire_id: ids.wire!.id,
      amount: { value: 250_000_00 },
    });
    const onUs = TransactionList.parse(
      (await call("avery", "GET", `/api/v2/transactions/?on_us_transfer[]=${ids.p2p!.id}`)).json,
    );
    expect(onUs.items[0]).toMatchObject({ status: "SETTLED", on_us_id: ids.p2p!.id });
    // FULL_WITHDRAWAL emptied the pocket: every bill sold, no cash left to speak of.
    const emptied = await pocketValue(P.strategic);
    expect(emptied.securities).toHaveLength(0);
    expect(emptied.total_value.value).toBeLessThan(100);
    // The reallocation settles T+1 (Tuesday 14:30Z); the pinned clock reads Tuesday 13:00Z.
    expect((await call("avery", "GET", `${R}${ids.move!.id}/`)).json.transfer_status).toBe(
      "PROCESSING",
    );
    await advance(1);
    const moved = TransferRequest.parse((await call("avery", "GET", `${R}${ids.move!.id}/`)).json);
    expect(moved).toMatchObject({
      transfer_status: "SUCCESS",
      time_settled: "2026-12-01T14:30:00.000Z",
    });
    const legs = TransactionList.parse(
      (await call("avery", "GET", `/api/v2/transactions/?on_us_transfer[]=${ids.move!.id}`)).json,
    );
    expect(legs.items.map((t) => [t.direction, t.status]).sort()).toEqual([
      ["CREDIT", "SETTLED"],
      ["DEBIT", "SETTLED"],
    ]);
  });
});
