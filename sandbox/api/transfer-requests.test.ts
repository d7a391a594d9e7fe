import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AuditLogList } from "../../lib/jiko/audit";
import { DualAuthUserList, TransferRequest, TransferRequestList } from "../../lib/jiko/transfers";
import { pocketFlows } from "../db/schema";
import { memberId, SEED } from "../seed";
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
} from "../transfers/test-kit";

withTransferSandbox();

const US = SEED.teams.us;
const id = (email: string) => memberId(US, email);
const AVERY = id("avery.chen@harborline.example");
const JORDAN = id("jordan.patel@harborline.example");
const MORGAN = id("morgan.lee@harborline.example");
const CASEY = id("casey.nguyen@harborline.example");
const R = "/api/v1/transfer-requests/";
const ok = (res: { status: number; json: unknown }, status = 201) => {
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  return TransferRequest.parse(res.json);
};

describe("creating transfer requests", () => {
  it("answers 201, then 200 with the same request for a repeated transfer.id, 409 for another body", async () => {
    const cp = await payee("wire", "Atlas Fleet Equipment Inc.");
    const body = wireTo(cp, 125_000);
    const first = ok(await create("sam", body));
    expect(first).toMatchObject({ status: "PENDING", amount: { value: 125_000 } });
    expect(first.created_by.name).toBe("Sam Rivera");
    expect(Date.parse(first.time_expires) - Date.parse(first.time_created)).toBe(72 * 3_600_000);
    const again = ok(await create("sam", body), 200);
    expect(again).toEqual(first);
    const changed = await create("sam", {
      ...body,
      transfer: { ...body.transfer, amount: { type: "REQUESTED_AMOUNT", amount_usdc: 1 } },
    });
    expect(changed.status).toBe(409);
    expect(changed.json.detail).toMatch(/different transfer request already has the id/);
    const list = TransferRequestList.parse((await call("sam", "GET", `${R}?limit=100`)).json);
    expect(list.items.filter((x) => x.id === first.id)).toHaveLength(1);
  });

  it("needs an initiator role", async () => {
    const cp = await payee("wire", "Initiator Check LLC");
    for (const who of ["morgan", "jordan"] as const) {
      const res = await create(who, wireTo(cp, 100));
      expect(res.status).toBe(403);
      expect(res.json.detail).toMatch(/cannot start transfers \(ADMIN or INITIATOR only\)/);
    }
  });

  it("takes as reviewers only ACTIVE reviewer members of the team, never the creator", async () => {
    const cp = await payee("wire", "Reviewer Check LLC");
    const cases: Array<[string, RegExp, "sam" | "avery"]> = [
      [MORGAN, /READ_ONLY cannot review/, "sam"],
      [CASEY, /DEACTIVATED/, "sam"],
      [randomUUID(), /Not a member of this team/, "sam"],
      [AVERY, /creator of a transfer request cannot review it/, "avery"],
    ];
    for (const [reviewer, msg, who] of cases) {
      const res = await create(who, { ...wireTo(cp, 100), reviewers: [JORDAN, reviewer] });
      expect(res.status).toBe(422);
      expect(res.json.detail[0].loc).toEqual(["body", "reviewers", 1]);
      expect(res.json.detail[0].msg).toMatch(msg);
    }
    const named = ok(await create("sam", { ...wireTo(cp, 100), reviewers: [JORDAN] }));
    expect(named.reviewers.map((r) => r.name)).toEqual(["Jordan Patel"]);
  });

  it("sends money only to VERIFIED payees of the right type, and from OPEN pockets", async () => {
    const later = new Date("2026-12-04T12:00:00Z");
    const pending = await payee("wire", "Pending Wire Co", {
      status: "PENDING",
      verifiesAt: later,
    });
    const due = await payee("wire", "Due Wire Co", {
      status: "PENDING",
      verifiesAt: new Date("2026-11-29T12:00:00Z"),
    });
    const unlinked = await payee("wire", "Old Supplier", { status: "UNLINKED" });
    const ach = await payee("ach", "ACH Only Inc.");
    const onUs = await payee("on_us", "Harborline Europe B.V.");
    const expect422 = async (body: unknown, loc: unknown[], msg: RegExp) => {
      const res = await create("sam", body);
      expect(res.status, JSON.stringify(res.json)).toBe(422);
      expect(res.json.detail[0].loc).toEqual(loc);
      expect(res.json.detail[0].msg).toMatch(msg);
    };
    await expect422(
      wireTo(pending, 100),
      ["body", "transfer", "counterparty_id"],
      /PENDING: money only goes to VERIFIED/,
    );
    await expect422(wireTo(unlinked, 100), ["body", "transfer", "counterparty_id"], /UNLINKED/);
    await expect422(
      wireTo(ach, 100),
      ["body", "transfer", "counterparty_id"],
      /needs a wire or international_wire counterparty, not ach/,
    );
    await expect422(wireTo(onUs, 100), ["body", "transfer", "counterparty_id"], /not on_us/);
    ok(await create("sam", wireTo(due, 100)));
    const p2p = (cp: string) => ({
      transfer: {
        id: randomUUID(),
        type: "ON_US",
        origin_pocket_id: P.operating,
        amount: { type: "REQUESTED_AMOUNT", amount_usdc: 100 },
        details: { type: "PEER_TO_PEER", destination_counterparty_id: cp },
      },
    });
    await expect422(
      p2p(due),
      ["body", "transfer", "details", "destination_counterparty_id"],
      /needs a on_us counterparty/,
    );
    ok(await create("sam", p2p(onUs)));
    await expect422(
      { transfer: { ...wireTo(due, 100).transfer, type: "USDC" } },
      ["body", "transfer", "type"],
      /USDC transfers are not enabled for this customer/,
    );
    const security = reallocate(P.operating, P.payroll, 100);
    Object.assign(security.transfer.details, { transfer_type: "SECURITY_TRANSFER" });
    // Same-entity SECURITY_TRANSFER is accepted: the bills move at approval (transfers/execute.ts).
    expect(ok(await create("sam", security)).transfer).toMatchObject({
      details: { transfer_type: "SECURITY_TRANSFER" },
    });
    const tooMuch = reallocate(P.operating, P.payroll, 10_000_000_000_00);
    Object.assign(tooMuch.transfer.details, { transfer_type: "SECURITY_TRANSFER" });
    await expect422(
      tooMuch,
      ["body", "transfer", "amount", "amount_usdc"],
      /more than the pocket's available balance/,
    );
    await expect422(
      reallocate(P.operating, P.operating, 100),
      ["body", "transfer", "details", "destination_pocket_id"],
      /another pocket/,
    );
    await expect422(
      reallocate(P.operating, P.euOperating, 100),
      ["body", "transfer", "details", "destination_pocket_id"],
      /Unknown pocket/,
    );
    await expect422(
      wireTo(due, 100, P.euOperating),
      ["body", "transfer", "origin_pocket_id"],
      /Unknown pocket/,
    );
  });

  it("refuses more than the available balance, holding what pending requests will send", async () => {
    const cp = await payee("wire", "Tax Advisors LLP");
    const total = (await pocketValue(P.tax)).total_value;
    const over = await create("sam", wireTo(cp, total.value + 1, P.tax));
    expect(over.status).toBe(422);
    expect(over.json.detail[0].loc).toEqual(["body", "transfer", "amount", "amount_usdc"]);
    expect(over.json.detail[0].msg).toContain(`available balance of ${total.formatted}`);
    expect(total.formatted).toMatch(/^\$\d{1,3}(,\d{3})+\.\d\d$/);
    const all = ok(await create("sam", wireTo(cp, total.value - 500, P.tax)));
    const more = await create("sam", wireTo(cp, 501, P.tax));
    expect(more.status).toBe(422);
    expect(more.json.detail[0].msg).toContain("available balance of $5.00");
    expect((await call("sam", "DELETE", `${R}${all.id}/`)).status).toBe(204);
    ok(await create("sam", wireTo(cp, 501, P.tax)));
  });

  it("allows one create a second per client and user (429 with Retry-After)", async () => {
    const cp = await payee("wire", "Rate Limit Co");
    await new Promise((r) => setTimeout(r, 1_100));
    // Sent together, so they reach the server well within the same second.
    const both = await Promise.all([
      call("sam", "POST", R, wireTo(cp, 100)),
      call("sam", "POST", R, wireTo(cp, 100)),
    ]);
    expect(both.map((x) => x.status).sort()).toEqual([201, 429]);
    const b = both.find((x) => x.status === 429)!;
    expect(b.json.detail).toMatch(/at most 1 transfer request a second/);
    expect(Number(b.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(b.headers.get("x-ratelimit-limit")).toBe("60");
    ok(await create("avery", wireTo(cp, 100)));
    await new Promise((r) => setTimeout(r, 1_100));
  });
});

describe("reading transfer requests", () => {
  it("lists newest first with status and pocket filters and cursors", async () => {
    const cp = await payee("wire", "List Check Co");
    const a = ok(await create("sam", wireTo(cp, 200, P.strategic)));
    const b = ok(await create("sam", wireTo(cp, 300, P.strategic)));
    const page = TransferRequestList.parse(
      (await call("morgan", "GET", `${R}?origin_pocket_id=${P.strategic}&status=PENDING&limit=1`))
        .json,
    );
    expect(page.items.map((x) => x.id)).toEqual([b.id]);
    const next = TransferRequestList.parse(
      (
        await call(
          "morgan",
          "GET",
          `${R}?origin_pocket_id=${P.strategic}&status=PENDING&limit=1&cursor=${page.next_page}`,
        )
      ).json,
    );
    expect(next.items.map((x) => x.id)).toEqual([a.id]);
    const all = TransferRequestList.parse((await call("morgan", "GET", `${R}?limit=100`)).json);
    const times = all.items.map((x) => x.time_created);
    expect(times).toEqual([...times].sort().reverse());
    expect((await call("morgan", "GET", `${R}${a.id}/`)).json.id).toBe(a.id);
    expect((await call("morgan", "GET", `${R}${randomUUID()}/`)).status).toBe(404);
  });

  it("names the team's ACTIVE members who may review", async () => {
    const res = await call("sam", "GET", `${R}reviewers/`);
    expect(res.status).toBe(200);
    const list = DualAuthUserList.parse(res.json);
    expect(list.items.map((u) => [u.name, u.role])).toEqual([
      ["Avery Chen", "ADMIN"],
      ["Jordan Patel", "REVIEWER"],
    ]);
  });
});

describe("deciding and cancelling", () => {
  it("needs a reviewer role, never the creator (audited), and a named reviewer when named", async () => {
    const cp = await payee("wire", "Decision Check Co");
    const mine = ok(await create("avery", wireTo(cp, 100)));
    const refused = await decide("avery", mine.id, "APPROVED");
    expect(refused.status).toBe(403);
    expect(refused.json.detail).toMatch(/cannot approve or deny a transfer request they created/);
    const audit = AuditLogList.parse(
      (
        await call(
          "avery",
          "GET",
          "/api/v1/team/audit-logs/?action[]=transfer_request.self_decision_refused",
        )
      ).json,
    );
    expect(audit.items[0]).toMatchObject({ target_id: mine.id, actor: { member_id: AVERY } });
    expect((await decide("morgan", mine.id, "APPROVED")).status).toBe(403);
    expect((await decide("sam", mine.id, "DENIED")).json.detail).toMatch(
      /cannot approve or deny transfers/,
    );

    const named = ok(await create("sam", { ...wireTo(cp, 100), reviewers: [JORDAN] }));
    const other = await decide("avery", named.id, "APPROVED");
    expect(other.status).toBe(403);
    expect(other.json.detail).toMatch(/Only the reviewers named/);
    const denied = ok(await decide("jordan", named.id, "DENIED", "Wrong invoice"), 200);
    expect(denied).toMatchObject({
      status: "DENIED",
      decision_reason: "Wrong invoice",
      transfer_status: null,
    });
    expect(denied.decided_by?.name).toBe("Jordan Patel");
    const again = await decide("jordan", named.id, "APPROVED");
    expect(again.status).toBe(409);
    expect(again.json.detail).toBe(
      `This transfer request was already DENIED by Jordan Patel at ${denied.time_decided}.`,
    );
    const entries = AuditLogList.parse(
      (
        await call(
          "avery",
          "GET",
          "/api/v1/team/audit-logs/?action[]=transfer_request.denied&action[]=transfer_request.created",
        )
      ).json,
    );
    const denial = entries.items.find(
      (e) => e.target_id === named.id && e.action === "transfer_request.denied",
    );
    expect(denial?.after).toMatchObject({
      status: "DENIED",
      payee: "Decision Check Co",
      amount: { value: 100 },
    });
  });

  it("lets exactly one of two simultaneous decisions win", async () => {
    const cp = await payee("wire", "Race Co");
    for (const second of ["APPROVED", "DENIED"] as const) {
      const r = ok(await create("sam", wireTo(cp, 1_000)));
      const results = await Promise.all([
        decide("jordan", r.id, "APPROVED"),
        decide("avery", r.id, second),
      ]);
      expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
      const loser = results.find((x) => x.status === 409)!;
      expect(loser.json.detail).toMatch(/already (APPROVED|DENIED) by (Jordan Patel|Avery Chen)/);
      const final = TransferRequest.parse((await call("sam", "GET", `${R}${r.id}/`)).json);
      const booked = await sb.db.select().from(pocketFlows).where(eq(pocketFlows.transferId, r.id));
      expect(booked).toHaveLength(final.status === "APPROVED" ? 1 : 0);
      expect(final.status).toBe(results[0]!.status === 200 ? "APPROVED" : second);
    }
  });

  it("cancels only PENDING requests, by their creator or an ADMIN", async () => {
    const cp = await payee("wire", "Cancel Check Co");
    const r = ok(await create("sam", wireTo(cp, 100)));
    const byReviewer = await call("jordan", "DELETE", `${R}${r.id}/`);
    expect(byReviewer.status).toBe(403);
    expect((await call("sam", "DELETE", `${R}${r.id}/`)).status).toBe(204);
    const twice = await call("avery", "DELETE", `${R}${r.id}/`);
    expect(twice.status).toBe(409);
    expect(twice.json.detail).toMatch(/is CANCELED: only a PENDING request can be cancelled/);
    expect((await decide("jordan", r.id, "APPROVED")).json.detail).toMatch(/was cancelled at/);
    const byAdmin = ok(await create("sam", wireTo(cp, 100)));
    expect((await call("avery", "DELETE", `${R}${byAdmin.id}/`)).status).toBe(204);
  });

  it("expires pending requests 72 hours on (sandbox clock) and then refuses decisions", async () => {
    const cp = await payee("wire", "Slow Approval Co");
    const r = ok(await create("sam", wireTo(cp, 100)));
    await fetch(`${sb.apiUrl}/_sandbox/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ days: 3 }),
    });
    const after = TransferRequest.parse((await call("sam", "GET", `${R}${r.id}/`)).json);
    expect(after.status).toBe("EXPIRED");
    const late = await decide("jordan", r.id, "APPROVED");
    expect(late.status).toBe(409);
    expect(late.json.detail).toBe(`This transfer request expired at ${r.time_expires}.`);
    const audit = AuditLogList.parse(
      (await call("avery", "GET", "/api/v1/team/audit-logs/?action[]=transfer_request.expired"))
        .json,
    );
    expect(audit.items.some((e) => e.target_id === r.id && e.actor === null)).toBe(true);
  });
});
