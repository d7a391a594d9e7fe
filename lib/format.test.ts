import { describe, expect, it } from "vitest";
import { formatPhone } from "./format";

describe("formatPhone", () => {
  it("formats North American numbers and leaves others as given", () => {
    expect(formatPhone("+14155550100")).toBe("+1 (415) 555-0100");
    expect(formatPhone("+1 415 555 0100")).toBe("+1 (415) 555-0100");
    expect(formatPhone("+31201234567")).toBe("+31201234567");
  });
});
