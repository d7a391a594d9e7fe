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

/**
 * A pocket's earnings for a period as the pocket page shows them: Jiko's total, and the same
 * period cut into days (up to ~3 months) or months, each from its own range call. Points not
 * fetched yet (Jiko's rate limit) are null; the series fills over a few requests.
 */
export const PocketEarnings = z.object({
  dateFrom: z.iso.date().nullable(),
  dateTo: z.iso.date(),
  totalCents: z.number().int(),
  grain: z.enum(["day", "month"]),
  points: z.array(
    z.object({
      label: z.string(),
      from: z.iso.date(),
      to: z.iso.date(),
      cents: z.number().int().nullable(),
    }),
  ),
  complete: z.boolean(),
});
export type PocketEarnings = z.infer<typeof PocketEarnings>;

/** Longest period drawn day by day; longer ones are drawn by month. */
export const DAILY_GRAIN_MAX_DAYS = 92;
