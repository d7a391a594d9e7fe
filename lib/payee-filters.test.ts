import { describe, expect, it } from "vitest";
import type { Counterparty, CounterpartyStatus, CounterpartyType } from "./jiko/counterparties";
import { filterPayees, parsePayeeFilters, payeeFiltersToSearch } from "./payee-filters";

let n = 0;
function payee(type: CounterpartyType, status: CounterpartyStatus): Counterparty {
  n += 1;
  const common = {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    name: `Payee ${n}`,
    status,
    verification_method: "micro_deposits" as const,
    time_created: "2026-01-05T15:00:00Z",
    time_updated: "2026-01-05T15:00:00Z",
    object_type: "Counterparty" as const,
  };
  return type === "on_us"
    ? { ...common, type, on_us: { account_number: "123456789012" } }
    : {
        ...common,
        type: "ach",
        ach: {
          account_number: "12345678",
          routing_number: "021000021",
          name_on_account: common.name,
          account_type: "CHECKING",
        },
      };
}

const list = [
  payee("ach", "VERIFIED"),
  payee("ach", "PENDING"),
  payee("on_us", "VERIFIED"),
  payee("ach", "UNLINKED"),
];
const names = (items: Counterparty[]) => items.map((c) => c.name);

describe("payee filters", () => {
  it("hide unlinked payees unless asked for, by the checkbox or the status", () => {
    expect(names(filterPayees(list, {}))).toEqual(names(list.slice(0, 3)));
    expect(names(filterPayees(list, { unlinked: true }))).toEqual(names(list));
    expect(names(filterPayees(list, { status: "UNLINKED" }))).toEqual([list[3]!.name]);
  });

  it("filter by type and status together", () => {
    expect(names(filterPayees(list, { type: "ach", status: "VERIFIED" }))).toEqual([list[0]!.name]);
    expect(names(filterPayees(list, { type: "on_us" }))).toEqual([list[2]!.name]);
  });

  it("round-trip through the URL and ignore values that are not Jiko's codes", () => {
    const filters = { type: "wire", status: "PENDING", unlinked: true } as const;
    const search = payeeFiltersToSearch(filters);
    expect(search).toBe("type=wire&status=PENDING&unlinked=1");
    expect(parsePayeeFilters(Object.fromEntries(new URLSearchParams(search)))).toEqual(filters);
    expect(parsePayeeFilters({ type: "cheque", status: ["pending"], unlinked: "yes" })).toEqual({
      type: undefined,
      status: undefined,
      unlinked: undefined,
    });
    expect(payeeFiltersToSearch({})).toBe("");
  });
});
