import { describe, expect, it } from "vitest";
import { isValidAbaRouting, isValidIban, isValidSwift } from "./bank-numbers";

describe("ABA routing numbers", () => {
  it("accepts real routing numbers and refuses a wrong check digit", () => {
    // JPMorgan Chase NY, Bank of America, Wells Fargo, the Federal Reserve Bank of NY.
    for (const r of ["021000021", "026009593", "121000248", "021001208"]) {
      expect(isValidAbaRouting(r), r).toBe(true);
    }
    expect(isValidAbaRouting("021000022")).toBe(false);
    expect(isValidAbaRouting("000000000")).toBe(false);
    expect(isValidAbaRouting("02100002")).toBe(false);
    expect(isValidAbaRouting("02100002a")).toBe(false);
  });
});

describe("IBANs", () => {
  it("accepts the registry's examples, with or without spaces", () => {
    for (const iban of [
      "DE89370400440532013000",
      "GB82 WEST 1234 5698 7654 32",
      "FR1420041010050500013M02606",
      "NL91ABNA0417164300",
    ]) {
      expect(isValidIban(iban), iban).toBe(true);
    }
  });
  it("refuses a changed digit, a wrong length and a bad shape", () => {
    expect(isValidIban("DE89370400440532013001")).toBe(false);
    expect(isValidIban("DE8937040044053201300")).toBe(false);
    expect(isValidIban("1234")).toBe(false);
  });
});

describe("SWIFT/BIC codes", () => {
  it("takes 8 or 11 characters of the right shape", () => {
    expect(isValidSwift("DEUTDEFF")).toBe(true);
    expect(isValidSwift("deutdeff500")).toBe(true);
    expect(isValidSwift("DEUTDEF")).toBe(false);
    expect(isValidSwift("DEU1DEFF")).toBe(false);
    expect(isValidSwift("DEUTDEFF50")).toBe(false);
  });
});
