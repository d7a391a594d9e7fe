import { describe, expect, it } from "vitest";
import { formatPhone, plural } from "./format";

describe("formatPhone", () => {
  it("formats North American numbers and leaves others as given", () => {
    expect(formatPhone("+14155550100")).toBe("+1 (415) 555-0100");
    expect(formatPhone("+1 415 555 0100")).toBe("+1 (415) 555-0100");
    expect(formatPhone("+31201234567")).toBe("+31201234567");
  });
});

describe("plural", () => {
  it("puts the noun in the right number", () => {
    expect(plural(1, "business day")).toBe("1 business day");
    expect(plural(2, "business day")).toBe("2 business days");
    expect(plural(0, "transaction")).toBe("0 transactions");
    expect(plural(1, "transaction")).toBe("1 transaction");
    expect(plural(1204, "transaction")).toBe("1,204 transactions");
  });

  it("takes irregular plurals and marks lists with more pages", () => {
    expect(plural(1, "entry", "entries")).toBe("1 entry");
    expect(plural(3, "entry", "entries")).toBe("3 entries");
    expect(plural(1, "trade", "trades", { more: true })).toBe("1+ trades");
    expect(plural(50, "trade", "trades", { more: true })).toBe("50+ trades");
  });
});
