/** The access log's entries and pages, as the store keeps them and the browser checks them. */
import { z } from "zod";
import { ACCESS_ACTIONS } from "./access-log";

export const AccessAction = z.enum(ACCESS_ACTIONS);
export type AccessAction = z.infer<typeof AccessAction>;

/** What was read: an object's id and, where it helps, its kind ("pocket", "report"…). */
export const AccessSubject = z.object({
  kind: z.enum(["pocket", "report", "statement", "trade", "transfer_request"]),
  id: z.string().max(200),
});
export type AccessSubject = z.infer<typeof AccessSubject>;

export const AccessEntry = z.object({
  id: z.string(),
  at: z.iso.datetime({ offset: true }),
  actor: z.object({ name: z.string(), email: z.string() }),
  action: AccessAction,
  subject: AccessSubject.nullable(),
});
export type AccessEntry = z.infer<typeof AccessEntry>;

export const AccessLogPage = z.object({
  items: z.array(AccessEntry),
  next_page: z.string().nullable(),
});
export type AccessLogPage = z.infer<typeof AccessLogPage>;
