import { describe, expect, it } from "vitest";
import { COUNTERPARTY_STATUSES, VerificationMethod } from "./jiko/counterparties";
import { payeeStatus } from "./payee-status";

describe("payee status in words", () => {
  it("says what each status means for sending money", () => {
    expect(
      payeeStatus({ type: "wire", status: "VERIFIED", verification_method: "pre_verified" }),
    ).toMatchObject({
      label: "Verified",
      meaning: "Can receive transfers",
    });
    expect(
      payeeStatus({ type: "ach", status: "VERIFIED", verification_method: "micro_deposits" })
        .meaning,
    ).toBe("Can pull from our pockets by ACH debit; transfers go by wire or JikoNet");
    expect(
      payeeStatus({ type: "wire", status: "LINKED", verification_method: "unverified" }).meaning,
    ).toMatch(/pulled from by ACH; cannot be paid/);
    expect(
      payeeStatus({ type: "wire", status: "UNLINKED", verification_method: "pre_verified" }).label,
    ).toBe("Unlinked");
  });

  it("names the verification under way in words", () => {
    const meaning = (m: VerificationMethod) =>
      payeeStatus({ type: "wire", status: "PENDING", verification_method: m }).meaning;
    expect(meaning("micro_deposits")).toMatch(/^Verification under way \(micro-deposits\)/);
    expect(meaning("supporting_documents")).toMatch(/\(documents\)/);
    expect(meaning("name_match")).toMatch(/\(name check\)/);
  });

  it("never shows a raw code", () => {
    for (const status of COUNTERPARTY_STATUSES) {
      for (const method of VerificationMethod.options) {
        const { label, meaning } = payeeStatus({
          type: "ach",
          status,
          verification_method: method,
        });
        expect(`${label} ${meaning}`).not.toMatch(/[A-Z]{4,}|_/);
      }
    }
  });
});
