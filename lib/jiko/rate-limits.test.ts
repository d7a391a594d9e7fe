import { describe, expect, it } from "vitest";
import { rateLimitGroupFor } from "./rate-limits";

describe("rate-limit groups of Customer API paths", () => {
  it("maps each resource to its group", () => {
    expect(rateLimitGroupFor("GET", "/api/v2/pockets/")).toBe("pockets");
    expect(rateLimitGroupFor("GET", "/api/v2/pockets/abc/earnings/")).toBe("pockets");
    expect(rateLimitGroupFor("GET", "/api/v1/accounts/abc/portals/")).toBe("portals");
    expect(rateLimitGroupFor("GET", "/api/v1/accounts/abc/trades/t1/confirmation/")).toBe("trades");
    expect(rateLimitGroupFor("GET", "/api/v2/transactions.csv")).toBe("transactions");
    expect(rateLimitGroupFor("GET", "/api/v1/team/audit-logs.csv")).toBe("team");
    expect(rateLimitGroupFor("POST", "/api/v1/transfer-requests/")).toBe(
      "transfer-requests-create",
    );
    expect(rateLimitGroupFor("PATCH", "/api/v1/transfer-requests/x/status/")).toBe(
      "transfer-requests",
    );
    expect(rateLimitGroupFor("GET", "/api/v1/user/memberships/")).toBe("user");
  });
});
