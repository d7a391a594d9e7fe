/**
 * Trading strategies v2. Published: ids like `UST-4W`, the applicability filter (DEPOSIT or
 * REINVESTMENT), 4/13/26/52-week strategies for customers. INFERRED: every field name below and
 * the list shape (v1-style List).
 */
import { z } from "zod";
import { offsetList } from "./common";

export const StrategyApplicability = z.enum(["DEPOSIT", "REINVESTMENT"]);

export const TradingStrategy = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  term_weeks: z.number().int().positive(),
  applicability: z.array(StrategyApplicability),
  object_type: z.literal("TradingStrategy"),
});
export type TradingStrategy = z.infer<typeof TradingStrategy>;

export const TradingStrategies = offsetList(TradingStrategy);
export type TradingStrategies = z.infer<typeof TradingStrategies>;

export { STRATEGY_TERMS_WEEKS, type StrategyId } from "./strategy-terms";
