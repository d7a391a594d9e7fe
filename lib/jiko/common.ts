import { z } from "zod";
// Every Jiko schema imports this module: zod speaks our sentences wherever schemas load.
import "../zod-messages";

/** Jiko's Money: integer cents, a currency, and Jiko's own display string. */
export const Money = z.object({
  value: z.number().int(),
  currency: z.string(),
  formatted: z.string().default(""),
});
export type Money = z.infer<typeof Money>;

/** v2 lists: opaque cursors, `object_type: "CursorList"`. */
export const cursorList = <T extends z.ZodType>(item: T) =>
  z.object({
    prev_page: z.string().nullable(),
    next_page: z.string().nullable(),
    items: z.array(item),
    object_type: z.literal("CursorList"),
  });

/** Older v1 lists: `{offset, count, items, object_type: "List"}`. */
export const offsetList = <T extends z.ZodType>(item: T) =>
  z.object({
    offset: z.number().int(),
    count: z.number().int(),
    items: z.array(item),
    object_type: z.literal("List"),
  });

/** FastAPI validation error item (pydantic v2 adds `input` and `ctx`). */
export const ValidationIssue = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string(),
  input: z.unknown().optional(),
  ctx: z.record(z.string(), z.unknown()).optional(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/**
 * Error bodies: 422 carries a list of issues; everything else FastAPI's `{"detail": "..."}`
 * (inferred from the framework: Jiko does not publish 401/403/404/409/429 bodies).
 */
export const ErrorBody = z.object({
  detail: z.union([z.string(), z.array(ValidationIssue)]),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const IsoDateTime = z.iso.datetime({ offset: true });
