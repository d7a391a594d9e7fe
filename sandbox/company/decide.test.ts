import { describe, expect, it } from "vitest";
import { decide, decideOne } from "./decide";

/*
 * Jiko's sandbox table (onboarding-individuals-guide.txt), quoted:
 *
 * | Prefix | Result after Apply |
 * | 2  | DOCUMENTS_NEEDED |
 * | 21 | id_verification_documents_needed set to true |
 * | 22 | identification_number_verification_document_needed set to true |
 * | 23 | address_verification_document_needed set to true |
 * | 24 | id_verification_documents_needed and identification_number_verification_document_needed set to true |
 * | 3  | MANUAL_REVIEW |
 * | 4  | APPROVED |
 * | 5  | REJECTED |
 * | Other | MANUAL_REVIEW |
 *
 * "For identification numbers starting with 2, the third digit controls the transition after
 * uploading documents and re-applying: Starts with 2*1: Transitions to MANUAL_REVIEW;
 * Otherwise: Transitions to APPROVED"
 */
const f = (id: boolean, num: boolean, addr: boolean) => ({
  id_verification_documents_needed: id,
  identification_number_verification_document_needed: num,
  address_verification_document_needed: addr,
});
const NONE = f(false, false, false);

describe("the prefix table, row by row, after the first Apply", () => {
  it.each([
    ["21", "210-45-6789", "DOCUMENTS_NEEDED", f(true, false, false)],
    ["22", "220-45-6789", "DOCUMENTS_NEEDED", f(false, true, false)],
    ["23", "230-45-6789", "DOCUMENTS_NEEDED", f(false, false, true)],
    ["24", "240-45-6789", "DOCUMENTS_NEEDED", f(true, true, false)],
    // Row "2" alone names no flag: the sandbox asks for the number's own document (INFERRED).
    ["2 (20)", "200-45-6789", "DOCUMENTS_NEEDED", f(false, true, false)],
    ["3", "300-45-6789", "MANUAL_REVIEW", NONE],
    ["4", "400-45-6789", "APPROVED", NONE],
    ["5", "500-45-6789", "REJECTED", NONE],
    ["Other (1)", "100-45-6789", "MANUAL_REVIEW", NONE],
    ["Other (9)", "999999999", "MANUAL_REVIEW", NONE],
    ["Other (0)", "012-34-5678", "MANUAL_REVIEW", NONE],
  ])("prefix %s: %s → %s", (_row, number, status, flags) => {
    expect(decideOne(number, "apply")).toEqual({ status, flags });
  });

  it("reads an EIN's digits the same way (dashes ignored)", () => {
    expect(decideOne("23-4567890", "apply").flags).toEqual(f(false, false, true));
    expect(decideOne("45-6789012", "apply").status).toBe("APPROVED");
  });
});

describe("the third-digit rule after the documents and Apply again", () => {
  it.each([
    ["2*1", "211-45-6789", "MANUAL_REVIEW"],
    ["2*1", "241-45-6789", "MANUAL_REVIEW"],
    ["2*1", "201-45-6789", "MANUAL_REVIEW"],
    ["otherwise", "210-45-6789", "APPROVED"],
    ["otherwise", "232-45-6789", "APPROVED"],
    ["otherwise", "249-45-6789", "APPROVED"],
  ])("%s: %s → %s", (_rule, number, status) => {
    expect(decideOne(number, "reapply")).toEqual({ status, flags: NONE });
  });

  it("the first Apply of a 2*1 number still asks for documents", () => {
    expect(decideOne("211-45-6789", "apply").status).toBe("DOCUMENTS_NEEDED");
  });
});

describe("several numbers (EIN and owners): the worst outcome wins", () => {
  it("REJECTED beats everything", () => {
    expect(
      decide(["45-6789012", "300-00-0000", "500-00-0000", "210-00-0000"], "apply").status,
    ).toBe("REJECTED");
  });

  it("MANUAL_REVIEW beats DOCUMENTS_NEEDED and APPROVED", () => {
    expect(decide(["45-6789012", "210-00-0000", "300-00-0000"], "apply")).toEqual({
      status: "MANUAL_REVIEW",
      flags: NONE,
    });
  });

  it("DOCUMENTS_NEEDED beats APPROVED and asks for every flag any number set", () => {
    expect(decide(["45-6789012", "210-00-0000", "230-00-0000"], "apply")).toEqual({
      status: "DOCUMENTS_NEEDED",
      flags: f(true, false, true),
    });
  });

  it("all 4s: APPROVED at once", () => {
    expect(decide(["45-6789012", "400-00-0000"], "apply")).toEqual({
      status: "APPROVED",
      flags: NONE,
    });
  });

  it("on re-apply one 2*1 owner sends the whole application to manual review", () => {
    expect(decide(["45-6789012", "220-00-0000", "221-00-0000"], "reapply").status).toBe(
      "MANUAL_REVIEW",
    );
    expect(decide(["45-6789012", "220-00-0000", "232-00-0000"], "reapply").status).toBe("APPROVED");
  });

  it("refuses to judge nothing", () => {
    expect(() => decide([], "apply")).toThrow();
  });
});
