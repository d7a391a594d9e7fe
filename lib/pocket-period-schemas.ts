/**
 * The earnings route's checks of a pocket's period, on the rules of lib/pocket-period.ts: the
 * route and the pocket page's server render take them; the browser's panel uses the rules
 * themselves, without zod.
 */
import { z } from "zod";
import { boundedDay } from "./filter-schemas";
import { EarningsPeriod } from "./jiko/pockets";
import { customRangeIssues } from "./pocket-period";

/** A custom range, its earliest day being the pocket's opening day when it is known. */
export const customRange = (opened?: string | null) =>
  z.object({ from: z.string(), to: z.string() }).superRefine((r, ctx) => {
    for (const [field, message] of Object.entries(customRangeIssues(r.from, r.to, opened))) {
      ctx.addIssue({ code: "custom", path: [field], message });
    }
  });

/**
 * The earnings route's query: Jiko's period names, custom days within EARLIEST_DAY and today.
 * The route checks the opening day with `customRange(opened)` once it knows the pocket.
 */
export const EarningsQuery = z
  .object({
    period: EarningsPeriod.default("all-time"),
    from: boundedDay("From").optional(),
    to: boundedDay("To").optional(),
  })
  .refine((p) => p.period !== "range" || (p.from && p.to), {
    message: "A custom range needs a start and an end date",
    path: ["from"],
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: "To must not be before From",
    path: ["to"],
  });
