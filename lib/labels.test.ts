import { describe, expect, it } from "vitest";
import { POCKET_STATUSES } from "./jiko/pockets";
import { ROLE_LABELS, ROLES } from "./jiko/roles";
import {
  AUDIT_TARGET_LABELS,
  FEE_TYPE_LABELS,
  IDENTIFICATION_TYPE_LABELS,
  labelFor,
  POCKET_STATUS_LABELS,
  TRADE_STATUS_LABELS,
  TRANSACTION_STATUS_LABELS,
} from "./labels";

const RAW_CODE = /^[A-Z0-9_]+$|_/;

describe("labels for Jiko's codes", () => {
  it("gives every code of every enum words, never the code itself", () => {
    const maps = [
      TRANSACTION_STATUS_LABELS,
      TRADE_STATUS_LABELS,
      POCKET_STATUS_LABELS,
      IDENTIFICATION_TYPE_LABELS,
      FEE_TYPE_LABELS,
      AUDIT_TARGET_LABELS,
      ROLE_LABELS,
    ];
    for (const map of maps) {
      for (const [code, words] of Object.entries(map)) {
        // Acronyms (EIN, TIN) are words people use; everything else reads as a phrase.
        if (code.length > 3) expect(words, code).not.toMatch(RAW_CODE);
        expect(words.length, code).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(POCKET_STATUS_LABELS).sort()).toEqual([...POCKET_STATUSES].sort());
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
  });

  it("says the codes people saw raw in words", () => {
    expect(labelFor(AUDIT_TARGET_LABELS, "team_member")).toBe("Team member");
    expect(labelFor(TRANSACTION_STATUS_LABELS, "SETTLED")).toBe("Settled");
    expect(labelFor(FEE_TYPE_LABELS, "AUM_FEE")).toBe("Management fee");
    expect(labelFor(IDENTIFICATION_TYPE_LABELS, "NON_US_BUSINESS_ID")).toBe("Non-US business ID");
  });

  it("reads a code Jiko adds later as words, not as the code", () => {
    expect(labelFor(AUDIT_TARGET_LABELS, "approval_rule")).toBe("Approval rule");
    expect(labelFor(FEE_TYPE_LABELS, "WIRE_FEE")).toBe("Wire fee");
    expect(labelFor(FEE_TYPE_LABELS, "toString")).toBe("Tostring");
  });
});
