/**
 * The controls report's answer, as the browser checks it (lib/transfers/controls.ts builds it).
 */
import { z } from "zod";

export const ControlsRow = z.object({
  memberId: z.string(),
  name: z.string(),
  requested: z.number().int(),
  approved: z.number().int(),
  denied: z.number().int(),
  cancelled: z.number().int(),
  expired: z.number().int(),
  selfDecisionsRefused: z.number().int(),
  /** Median minutes from a request being made to this person deciding it; null with none. */
  medianMinutesToDecide: z.number().nullable(),
});
export type ControlsRow = z.infer<typeof ControlsRow>;

export const ControlsReport = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(ControlsRow),
  totals: ControlsRow.omit({ memberId: true, name: true }),
});
export type ControlsReport = z.infer<typeof ControlsReport>;
