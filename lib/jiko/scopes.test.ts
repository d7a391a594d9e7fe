import { describe, expect, it } from "vitest";
import { DASHBOARD_SCOPES, ENDPOINT_SCOPES, IDENTITY_SCOPES } from "./scopes";

describe("scopes asked for at sign-in", () => {
  const needed = new Set<string>([...IDENTITY_SCOPES, ...Object.values(ENDPOINT_SCOPES)]);

  it("asks only for scopes some endpoint the dashboard calls needs", () => {
    expect(DASHBOARD_SCOPES.filter((s) => !needed.has(s))).toEqual([]);
  });

  it("asks for every scope those endpoints need, once each", () => {
    expect([...needed].filter((s) => !DASHBOARD_SCOPES.includes(s as never))).toEqual([]);
    expect(new Set(DASHBOARD_SCOPES).size).toBe(DASHBOARD_SCOPES.length);
  });

  it("asks for the webhook and notification scopes live updates, the bell and settings need", () => {
    expect(
      DASHBOARD_SCOPES.filter((s) => /^(subscriptions|notifications)\./.test(s)).sort(),
    ).toEqual([
      "notifications.read",
      "notifications.write",
      "subscriptions.read",
      "subscriptions.write",
    ]);
  });

  it("asks for the transfer scopes payees and transfer requests need", () => {
    expect(DASHBOARD_SCOPES).toEqual(expect.arrayContaining(["transfers.read", "transfers.write"]));
  });
});
