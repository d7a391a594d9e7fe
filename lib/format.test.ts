import { describe, expect, it } from "vitest";
import { formatPhone, initials, plural } from "./format";

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

describe("initials", () => {
  it("takes the first letter of the first two words", () => {
    expect(initials("Dana Whitfield")).toBe("DW");
    expect(initials("maria de la cruz")).toBe("MD");
  });
  it("keeps an emoji whole instead of half a surrogate pair", () => {
    expect(initials("🦊 Zoë Park")).toBe("🦊Z");
    expect(initials("Zoë 👩‍💻")).toBe("Z👩‍💻");
    expect(initials("🇨🇦 Team")).toBe("🇨🇦T");
  });
  it("keeps an accent written as a combining mark with its letter", () => {
    // "É" as E + U+0301 COMBINING ACUTE ACCENT.
    expect(initials("E\u0301lodie Durand")).toBe("E\u0301D");
    expect(initials("Órla Ó Ceallaigh")).toBe("ÓÓ");
  });
  it("handles one-word names and stray spaces", () => {
    expect(initials("Cher")).toBe("C");
    expect(initials("  Ada   Lovelace  ")).toBe("AL");
    expect(initials("   ")).toBe("");
  });
});
