import { describe, expect, it } from "vitest";
import { nyDate } from "./dates";
import { parseTransactionFilters, TradeFilters, TransactionFilters } from "./filter-schemas";
import { dateSpan, toJikoQuery, transactionFiltersToSearch } from "./transaction-filters";

const POCKET = "189e503f-718f-5c01-871f-1c5cc7137423";

describe("transaction filters in the URL", () => {
  it("round-trips through the search string", () => {
    const f = TransactionFilters.parse({
      pocket: [POCKET],
      type: ["ACH", "WIRE"],
      direction: "DEBIT",
      range: "custom",
      from: "2026-01-01",
      to: "2026-03-31",
      min: "100",
      max: "2500.5",
    });
    expect(parseTransactionFilters(new URLSearchParams(transactionFiltersToSearch(f)))).toEqual(f);
  });

  it("drops only the malformed part of a shared link", () => {
    const f = parseTransactionFilters(
      new URLSearchParams(`type=CARD&type=CHEQUE&direction=DEBIT&min=12,50&pocket=${POCKET}`),
    );
    expect(f).toEqual({ pocket: [POCKET], direction: "DEBIT" });
  });

  it("explains what is wrong with typed amounts and dates", () => {
    const issues = (input: unknown) =>
      TransactionFilters.safeParse(input).error?.issues.map((i) => i.message);
    expect(issues({ min: "12,50" })).toEqual(["Enter an amount like 1,250 or 1250.50"]);
    expect(issues({ min: "500", max: "20" })).toEqual(["The minimum is above the maximum"]);
    expect(issues({ range: "custom", from: "2026-02-01", to: "2026-01-01" })).toEqual([
      "To is before From",
    ]);
  });

  it("reads amounts as typed (commas, a dollar sign) without throwing, kept as plain decimals", () => {
    const f = TransactionFilters.parse({ min: "1,000", max: "$5,000.5" });
    expect(f).toEqual({ min: "1000.00", max: "5000.50" });
    expect(toJikoQuery(f, "2026-11-23")).toEqual({ amount_from: 100_000, amount_to: 500_050 });
    expect(transactionFiltersToSearch(f)).toBe("min=1000.00&max=5000.50");
    const issues = TransactionFilters.safeParse({ min: "1,0", max: "5,000" }).error?.issues;
    expect(issues?.map((i) => [i.path.join("."), i.message])).toEqual([
      ["min", "Enter an amount like 1,250 or 1250.50"],
    ]);
    expect(() => parseTransactionFilters(new URLSearchParams("min=1,000&max=1,0"))).not.toThrow();
  });

  it("refuses days outside 2000-01-01 to today in New York, naming the field", () => {
    const issues = (input: unknown) =>
      TransactionFilters.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
    const today = nyDate(new Date().toISOString());
    const range = `between 2000-01-01 and today (${today}, New York)`;
    expect(issues({ range: "custom", from: "0001-01-01", to: "9999-12-31" })).toEqual([
      ["from", `From must be ${range}`],
      ["to", `To must be ${range}`],
    ]);
    expect(issues({ range: "custom", from: "1999-12-31" })).toEqual([
      ["from", `From must be ${range}`],
    ]);
    expect(issues({ range: "custom", from: "2000-01-01", to: today })).toBeUndefined();
    expect(TradeFilters.safeParse({ range: "custom", to: "9999-12-31" }).error?.issues).toEqual([
      expect.objectContaining({ path: ["to"], message: `To must be ${range}` }),
    ]);
  });

  it("passes the booked-time order to Jiko", () => {
    const f = parseTransactionFilters(new URLSearchParams("order=asc"));
    expect(toJikoQuery(f, "2026-11-23")).toEqual({ order: "asc" });
    expect(parseTransactionFilters(new URLSearchParams("order=sideways"))).toEqual({});
  });
});

describe("date presets", () => {
  it("resolve against New York's today, quarters and years included", () => {
    expect(dateSpan({ range: "7d" }, "2026-03-02")).toEqual({
      from: "2026-02-24",
      to: "2026-03-02",
    });
    expect(dateSpan({ range: "qtd" }, "2026-05-20")).toEqual({
      from: "2026-04-01",
      to: "2026-05-20",
    });
    expect(dateSpan({ range: "qtd" }, "2026-12-31")).toEqual({
      from: "2026-10-01",
      to: "2026-12-31",
    });
    expect(dateSpan({ range: "ytd" }, "2026-11-23")).toEqual({
      from: "2026-01-01",
      to: "2026-11-23",
    });
    expect(dateSpan({}, "2026-11-23")).toEqual({});
  });
});

describe("Jiko's query", () => {
  it("turns days into New York day bounds and dollars into cents", () => {
    const f = TransactionFilters.parse({
      range: "custom",
      from: "2026-07-01",
      to: "2026-07-31",
      min: "0.5",
      max: "1250.05",
      direction: "CREDIT",
    });
    expect(toJikoQuery(f, "2026-11-23")).toEqual({
      direction: "CREDIT",
      time_booked_from: "2026-07-01T04:00:00.000Z",
      time_booked_to: "2026-08-01T03:59:59.999Z",
      amount_from: 50,
      amount_to: 125_005,
    });
  });
});
