import { describe, expect, it } from "vitest";
import { centsToDecimalString, formatCents, formatCentsCompact, formatRate } from "./money";

describe("money", () => {
  it("formats cents exactly, without float rounding", () => {
    expect(formatCents(123456789)).toBe("$1,234,567.89");
    expect(formatCents(-5)).toBe("-$0.05");
    expect(formatCents(0)).toBe("$0.00");
    // 2^53 - 1 cents: a float division would lose the last digits.
    expect(centsToDecimalString(9007199254740991)).toBe("90071992547409.91");
    expect(formatCents(9007199254740991)).toBe("$90,071,992,547,409.91");
  });

  it("refuses a fractional number of cents", () => {
    expect(() => formatCents(10.5)).toThrow(RangeError);
  });

  it("abbreviates for axes and shows rates as percentages", () => {
    expect(formatCentsCompact(123456789)).toBe("$1.2M");
    expect(formatRate("0.043125")).toBe("4.31%");
    expect(formatRate("0.0415", 3)).toBe("4.150%");
  });
});
