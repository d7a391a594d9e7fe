import { describe, expect, it } from "vitest";
import type { DualAuthUser, TransferRequest } from "../jiko/transfers";
import { eligibleReviewers, mayDecide, reviewerWarning } from "./eligibility";

const user = (id: string, role = "REVIEWER"): DualAuthUser => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  name: `Person ${id}`,
  email: `p${id}@example.com`,
  role,
});
const [creator, rev1, rev2, admin] = [
  user("1", "INITIATOR"),
  user("2"),
  user("3"),
  user("4", "ADMIN"),
];
const req = (reviewers: DualAuthUser[] = [], status: TransferRequest["status"] = "PENDING") => ({
  status,
  created_by: creator,
  reviewers,
});

describe("who may decide", () => {
  it("lets any reviewer or admin but the creator decide when none are named", () => {
    expect(mayDecide(req(), { memberId: rev1.id, role: "REVIEWER" })).toEqual({ ok: true });
    expect(mayDecide(req(), { memberId: admin.id, role: "ADMIN" })).toEqual({ ok: true });
    expect(mayDecide(req(), { memberId: creator.id, role: "ADMIN" })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/You made this request/),
    });
    expect(mayDecide(req(), { memberId: "x", role: "INITIATOR" })).toMatchObject({ ok: false });
  });

  it("keeps a request with named reviewers to them, and a decided one to nobody", () => {
    expect(mayDecide(req([rev2]), { memberId: rev1.id, role: "REVIEWER" })).toMatchObject({
      ok: false,
      reason: "This request names other reviewers.",
    });
    expect(mayDecide(req([rev2]), { memberId: rev2.id, role: "REVIEWER" })).toEqual({ ok: true });
    expect(mayDecide(req([], "APPROVED"), { memberId: rev1.id, role: "REVIEWER" })).toMatchObject({
      ok: false,
    });
  });
});

describe("reviewers left", () => {
  it("warns when every named reviewer has left or was demoted", () => {
    expect(reviewerWarning(req([rev2]), [rev1, admin])).toMatch(/None of the reviewers named/);
    expect(reviewerWarning(req([rev2]), [rev2])).toBeNull();
  });

  it("never counts the creator, even an admin who could otherwise review", () => {
    const adminCreator = { ...req(), created_by: admin };
    expect(eligibleReviewers(adminCreator, [admin])).toEqual([]);
    expect(reviewerWarning(adminCreator, [admin])).toMatch(/No one who may approve/);
    expect(reviewerWarning(adminCreator, [admin, rev1])).toBeNull();
  });
});
