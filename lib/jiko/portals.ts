/** Portals v1: routing and account numbers that let other banks send ACH and wires to a pocket. */
import { z } from "zod";

export const Portal = z.object({
  id: z.uuid(),
  jiko_account_id: z.uuid(),
  routing_number: z.string().regex(/^\d{9}$/),
  account_number: z.string().regex(/^\d{4,17}$/),
  status: z.enum(["OPEN", "CLOSED"]),
  name: z.string(),
});
export type Portal = z.infer<typeof Portal>;

/** Not a cursor list: `{count, portals, object_type: "List"}`. */
export const ListPortalsResponse = z.object({
  count: z.number().int(),
  portals: z.array(Portal),
  object_type: z.literal("List"),
});
export type ListPortalsResponse = z.infer<typeof ListPortalsResponse>;
