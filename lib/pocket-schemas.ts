/** What the pocket earnings route answers (lib/pockets.ts holds the pure side). */
import { z } from "zod";
import type { EarningsQuery } from "./pocket-period-schemas";

/** What the earnings route is asked for: its query, checked (lib/pocket-period-schemas.ts). */
export type EarningsParams = z.infer<typeof EarningsQuery>;

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
