import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv";
import type { CustomerAuditLogEntry } from "../jiko/audit";
import type { TransferRequest } from "../jiko/transfers";
import { controlsCsv, controlsReport } from "./controls";

const SAM = {
  member_id: "00000000-0000-4000-8000-000000000001",
  user_id: null,
  name: "Sam Rivera",
  email: null,
};
const JORDAN = { ...SAM, member_id: "00000000-0000-4000-8000-000000000002", name: "Jordan Patel" };
const r = (id: string, created: string) =>
  ({
    id,
    time_created: created,
    created_by: { id: SAM.member_id, name: SAM.name },
  }) as TransferRequest;
let n = 0;
const entry = (
  action: CustomerAuditLogEntry["action"],
  target: string,
  at: string,
  actor: typeof SAM | null,
): CustomerAuditLogEntry => ({
  id: `00000000-0000-4000-9000-${String(++n).padStart(12, "0")}`,
  timestamp: at,
  actor,
  action,
  target_type: "transfer_request",
  target_id: target,
  before: null,
  after: null,
  object_type: "CustomerAuditLogEntry",
});

describe("controls report", () => {
  const requests = [
    r("a", "2026-11-02T14:00:00Z"),
    r("b", "2026-11-03T14:00:00Z"),
    r("c", "2026-11-04T14:00:00Z"),
  ];
  const entries = [
    entry("transfer_request.created", "a", "2026-11-02T14:00:00Z", SAM),
    entry("transfer_request.created", "b", "2026-11-03T14:00:00Z", SAM),
    entry("transfer_request.created", "c", "2026-11-04T14:00:00Z", SAM),
    entry("transfer_request.self_decision_refused", "a", "2026-11-02T14:05:00Z", SAM),
    entry("transfer_request.approved", "a", "2026-11-02T15:00:00Z", JORDAN),
    entry("transfer_request.denied", "b", "2026-11-03T17:00:00Z", JORDAN),
    entry("transfer_request.expired", "c", "2026-11-07T14:00:00Z", null),
    entry(
      "team_member.invited" as CustomerAuditLogEntry["action"],
      "x",
      "2026-11-05T00:00:00Z",
      JORDAN,
    ),
  ];
  const report = controlsReport({ from: "2026-11-01", to: "2026-11-30" }, entries, requests);

  it("counts each person's part, expiries against the requester, and the median wait", () => {
    expect(report.rows).toEqual([
      {
        memberId: JORDAN.member_id,
        name: "Jordan Patel",
        requested: 0,
        approved: 1,
        denied: 1,
        cancelled: 0,
        expired: 0,
        selfDecisionsRefused: 0,
        medianMinutesToDecide: 120,
      },
      {
        memberId: SAM.member_id,
        name: "Sam Rivera",
        requested: 3,
        approved: 0,
        denied: 0,
        cancelled: 0,
        expired: 1,
        selfDecisionsRefused: 1,
        medianMinutesToDecide: null,
      },
    ]);
    expect(report.totals).toMatchObject({
      requested: 3,
      approved: 1,
      denied: 1,
      expired: 1,
      selfDecisionsRefused: 1,
    });
  });

  it("exports the same figures as CSV with a total row", () => {
    const rows = parseCsv(controlsCsv(report));
    expect(rows[0]).toEqual([
      "member_id",
      "name",
      "requested",
      "approved",
      "denied",
      "cancelled",
      "expired",
      "self_decisions_refused",
      "median_minutes_to_decide",
    ]);
    expect(rows.slice(1).map((x) => x.slice(1))).toEqual([
      ["Jordan Patel", "0", "1", "1", "0", "0", "0", "120.0"],
      ["Sam Rivera", "3", "0", "0", "0", "1", "1", ""],
      ["TOTAL", "3", "1", "1", "0", "1", "1", "120.0"],
    ]);
  });

  it("adds the attempts refused before Jiko was asked", () => {
    const withHere = controlsReport({ from: "2026-11-01", to: "2026-11-30" }, entries, requests, [
      { memberId: SAM.member_id, name: SAM.name, requestId: "b" },
    ]);
    expect(withHere.rows.find((x) => x.name === "Sam Rivera")!.selfDecisionsRefused).toBe(2);
    expect(withHere.totals.selfDecisionsRefused).toBe(2);
  });
});
