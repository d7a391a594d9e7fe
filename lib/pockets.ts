/** What the dashboard says about pockets, shared by the server and the browser. */
import type { CLOSURE_REASONS } from "./jiko/pocket-terms";
import type { Pocket } from "./jiko/pockets";
import type { Portal } from "./jiko/portals";

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

/** Longest period drawn day by day; longer ones are drawn by month. */
export const DAILY_GRAIN_MAX_DAYS = 92;

/** Millionths of a unit (0.01 basis point): Jiko's yields carry six decimals. */
const YIELD_SCALE = 1_000_000n;

/** "0.043125" → 43125n millionths, exactly (digits past the sixth are rounded half up). */
export function yieldMillionths(fraction: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(fraction);
  if (!m) throw new Error(`Not a decimal yield: ${fraction}`);
  const digits = (m[3] ?? "").padEnd(7, "0");
  let units = BigInt(m[2]!) * YIELD_SCALE + BigInt(digits.slice(0, 6));
  if (Number(digits[6]) >= 5) units += 1n;
  return m[1] ? -units : units;
}

/**
 * Yields weighted by value, in integer arithmetic (cents × millionths overflow a double's exact
 * range, so BigInt), rounded half up to the millionth. Pockets worth nothing or less weigh
 * nothing. The answer is a decimal fraction string like Jiko's.
 */
export function weightedYield(items: readonly { cents: number; yield: string }[]): string {
  let weight = 0n;
  let sum = 0n;
  for (const i of items) {
    if (i.cents <= 0) continue;
    weight += BigInt(i.cents);
    sum += BigInt(i.cents) * yieldMillionths(i.yield);
  }
  if (weight === 0n) return "0.000000";
  const sign = sum < 0n ? "-" : "";
  const abs = sum < 0n ? -sum : sum;
  const units = (abs * 2n + weight) / (2n * weight);
  return `${sign}${units / YIELD_SCALE}.${(units % YIELD_SCALE).toString().padStart(6, "0")}`;
}

export interface PocketTotals {
  valueCents: number;
  earningsCents: number;
  /** A decimal fraction string, like Jiko's yields. */
  yield: string;
}

/** The pockets table's total row: values and all-time earnings summed, yield weighted by value. */
export function pocketTotals(pockets: readonly Pocket[]): PocketTotals {
  let valueCents = 0;
  let earningsCents = 0;
  for (const p of pockets) {
    valueCents += p.portfolio?.total_value.value ?? 0;
    earningsCents += p.portfolio?.all_time_earnings.value ?? 0;
  }
  return {
    valueCents,
    earningsCents,
    yield: weightedYield(
      pockets.map((p) => ({
        cents: p.portfolio?.total_value.value ?? 0,
        yield: p.portfolio?.current_yield ?? "0",
      })),
    ),
  };
}

/**
 * The pockets a report may cover. A pocket being opened has nothing to report. A closed pocket
 * has no present, so it is offered only for reports of past activity (`history`), marked closed.
 */
export function reportablePockets(
  pockets: readonly Pocket[],
  { history }: { history: boolean },
): { id: string; name: string; closed: boolean }[] {
  return pockets
    .filter((p) => p.status !== "PENDING" && (history || p.status !== "CLOSED"))
    .map((p) => ({ id: p.id, name: p.pocket_name, closed: p.status === "CLOSED" }));
}
