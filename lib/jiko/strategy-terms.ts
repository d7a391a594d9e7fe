// No zod here: pages name strategies at first load (lib/jiko/strategies.ts holds the schemas).

/** The customer strategies Jiko documents (a 1-week one exists in the docs but customers cannot use it). */
export const STRATEGY_TERMS_WEEKS = {
  "UST-4W": 4,
  "UST-13W": 13,
  "UST-26W": 26,
  "UST-52W": 52,
} as const;
export type StrategyId = keyof typeof STRATEGY_TERMS_WEEKS;

/** "26-week T-bills"; an id Jiko adds later reads as itself, none as the deposits' own. */
export const strategyLabel = (id: string | null) =>
  id && id in STRATEGY_TERMS_WEEKS
    ? `${STRATEGY_TERMS_WEEKS[id as StrategyId]}-week T-bills`
    : (id ?? "Same as deposits");
