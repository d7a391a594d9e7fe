/** What the dashboard says about pockets, shared by the server and the browser. */
import { z } from "zod";
import { type CLOSURE_REASONS, EarningsPeriod, type Pocket } from "./jiko/pockets";
import type { Portal } from "./jiko/portals";
import { STRATEGY_TERMS_WEEKS, type StrategyId } from "./jiko/strategies";

export const strategyLabel = (id: string | null) =>
  id && id in STRATEGY_TERMS_WEEKS
    ? `${STRATEGY_TERMS_WEEKS[id as StrategyId]}-week T-bills`
    : (id ?? "Same as deposits");

export const CLOSURE_REASON_LABELS: Record<(typeof CLOSURE_REASONS)[number], string> = {
  NO_LONGER_NEEDED: "No longer needed",
  CONSOLIDATING_POCKETS: "Consolidating pockets",
  MOVING_FUNDS_ELSEWHERE: "Moving funds elsewhere",
  OTHER: "Other",
};

/**
 * Jiko's close rules, checked before the action so the page can explain them; Jiko enforces them
 * after. Returns the rules that are not met.
 */
export function closeBlockers(pocket: Pocket, openPockets: number): string[] {
  const blockers: string[] = [];
  if (pocket.status !== "OPEN") blockers.push("Only an open pocket can be closed.");
  const total = pocket.portfolio?.total_value.value ?? 0;
  if (total !== 0) blockers.push("The pocket must be empty: move or withdraw its funds first.");
  if (openPockets < 2) blockers.push("Another pocket must stay open.");
  return blockers;
}

/** Account numbers leave the server masked unless a permitted person asked to see them. */
export const maskAccountNumber = (n: string) => `•••• ${n.slice(-4)}`;
export type MaskedPortal = Omit<Portal, "account_number"> & {
  account_number: string;
  revealed: boolean;
};

export const EarningsParams = z
  .object({
    period: EarningsPeriod.default("all-time"),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .refine((p) => p.period !== "range" || (p.from && p.to), {
    message: "A custom range needs a start and an end date",
    path: ["from"],
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: "The start date is after the end date",
    path: ["to"],
  });
export type EarningsParams = z.infer<typeof EarningsParams>;
