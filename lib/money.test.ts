import { describe, expect, it } from "vitest";
import { centsToDecimalString, formatCents, formatCentsCompact, formatRate } from "./money";
import { parseTypedDollars } from "./typed-dollars";

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

describe("amounts as people type them", () => {
  const cents = (text: string) => {
    const read = parseTypedDollars(text);
    return read.ok ? read.cents : read.message;
  };

  it("reads thousands separators, a dollar sign and short decimals into exact cents", () => {
    expect(cents("1,000")).toBe(100_000);
    expect(cents("5,000")).toBe(500_000);
    expect(cents("1000.5")).toBe(100_050);
    expect(cents("$1,000")).toBe(100_000);
    expect(cents("$1,000.50")).toBe(100_050);
    expect(cents(" $ 12,345,678.09 ")).toBe(1_234_567_809);
    expect(cents(".5")).toBe(50);
    expect(cents("7.")).toBe(700);
    expect(cents("0.29")).toBe(29); // 0.29 * 100 is 28.999… as a float
    expect(cents("9999999999999.99")).toBe(999_999_999_999_999);
  });

  it("explains what it cannot read, and never throws", () => {
    expect(cents("12,50")).toBe("Enter an amount like 1,250 or 1250.50");
    expect(cents("1,0000")).toBe("Enter an amount like 1,250 or 1250.50");
    expect(cents("ten")).toBe("Enter an amount like 1,250 or 1250.50");
    expect(cents("1.234")).toBe("Use at most two decimals (cents)");
    expect(cents("-5")).toBe("Enter the amount without a sign: the direction says in or out");
    expect(cents("10000000000000")).toBe("That amount is too large");
    expect(cents("  ")).toBe("Enter an amount");
    expect(cents("$")).toBe("Enter an amount");
  });
});
