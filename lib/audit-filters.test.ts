import { describe, expect, it } from "vitest";
import { AuditFilters, parseAuditFilters } from "./audit-filter-schemas";
import { auditFiltersToJiko, auditFiltersToSearch } from "./audit-filters";

const MEMBER = "0b6f3c57-2d3e-4f5a-9b1c-7d8e9f0a1b2c";

describe("the audit log's filters", () => {
  it("read from the URL and written back the same", () => {
    const search = `member=${MEMBER}&from=2026-01-05&to=2026-01-09&action=pocket.created`;
    const filters = parseAuditFilters(new URLSearchParams(search));
    expect(filters).toEqual({
      member: MEMBER,
      from: "2026-01-05",
      to: "2026-01-09",
      action: ["pocket.created"],
    });
    expect(auditFiltersToSearch(filters)).toBe(search);
  });

  it("drop a malformed part rather than failing the page", () => {
    const filters = parseAuditFilters({ member: "someone", from: "2026-13-40", action: "nope" });
    expect(filters).toEqual({});
  });

  it("refuse a start after the end, on the end date", () => {
    const r = AuditFilters.safeParse({ from: "2026-02-01", to: "2026-01-01" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      message: "The start date is after the end date",
      path: ["to"],
    });
  });

  it("ask Jiko for whole New York days", () => {
    const q = auditFiltersToJiko({ from: "2026-01-05", to: "2026-01-05" });
    expect(q.timestamp_from && q.timestamp_to && q.timestamp_from < q.timestamp_to).toBe(true);
    expect(q.member_id).toBeUndefined();
  });
});
