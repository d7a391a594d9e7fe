/**
 * Which bills a transfer would sell, and what that gives up. A pocket's cash is swept into T-bills,
 * so money leaving it is raised by selling bills: the cash first, then the nearest maturities
 * first (the order the same-entity guide describes and the sandbox follows; INFERRED for Jiko's
 * production desk). Each bill sold gives up the discount it would have earned by maturity:
 * face − market value, for the units sold. All amounts are integer cents.
 */
import type { FixedIncomeSecurity, Portfolio } from "../jiko/pockets";

/** One $100-face unit (lib/jiko/pockets.ts: quantity counts $100 of face, INFERRED). */
export const UNIT_FACE_CENTS = 10_000;

export interface BillSale {
  cusip: string;
  description: string;
  maturityDate: string;
  units: number;
  /** What the sale raises at today's mark. */
  proceedsCents: number;
  /** Earnings given up: the face of the units sold minus what they fetch now. */
  forgoneCents: number;
  /** The whole holding is sold. */
  whole: boolean;
}

export interface FundingPlan {
  fromCashCents: number;
  sales: BillSale[];
  forgoneCents: number;
  /** What the pocket cannot cover (cash and every bill at today's mark). 0 when it can. */
  shortfallCents: number;
}

/** Market value of `units` of a holding, pro rata to its reported market value (cents, floor). */
const unitsValue = (bill: FixedIncomeSecurity, units: number) =>
  Math.floor((bill.market_value.value * units) / bill.quantity);

export function fundingPlan(
  portfolio: Pick<Portfolio, "cash" | "securities">,
  amountCents: number,
) {
  const plan: FundingPlan = { fromCashCents: 0, sales: [], forgoneCents: 0, shortfallCents: 0 };
  if (amountCents <= 0) return plan;
  plan.fromCashCents = Math.min(Math.max(portfolio.cash.value, 0), amountCents);
  let need = amountCents - plan.fromCashCents;
  const bills = portfolio.securities
    .filter((s): s is FixedIncomeSecurity => s.type === "FIXED_INCOME" && s.quantity > 0)
    .sort(
      (a, b) => a.maturity_date.localeCompare(b.maturity_date) || a.cusip.localeCompare(b.cusip),
    );
  for (const bill of bills) {
    if (need <= 0) break;
    // The fewest whole units whose value covers what is still needed.
    let units = Math.min(
      bill.quantity,
      Math.ceil((need * bill.quantity) / bill.market_value.value),
    );
    while (units < bill.quantity && unitsValue(bill, units) < need) units++;
    const proceeds = unitsValue(bill, units);
    const forgone = Math.max(units * UNIT_FACE_CENTS - proceeds, 0);
    plan.sales.push({
      cusip: bill.cusip,
      description: bill.description,
      maturityDate: bill.maturity_date,
      units,
      proceedsCents: proceeds,
      forgoneCents: forgone,
      whole: units === bill.quantity,
    });
    plan.forgoneCents += forgone;
    need -= proceeds;
  }
  plan.shortfallCents = Math.max(need, 0);
  return plan;
}
