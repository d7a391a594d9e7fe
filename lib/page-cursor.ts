/**
 * The page cursors the browser sends back: Jiko's `next_page`/`prev_page` tokens, opaque base64
 * (standard or URL-safe) of a row's position. Anything longer or made of other characters cannot
 * be one, so it is refused here rather than forwarded to Jiko.
 */
import { z } from "zod";

export const PAGE_CURSOR_MAX = 512;

export const PageCursor = z
  .string()
  .max(PAGE_CURSOR_MAX, "This page link is too long. Go back to the first page.")
  .regex(/^[A-Za-z0-9+/_=-]+$/, "This page link is not valid. Go back to the first page.");

export const PageCursorQuery = z.object({ cursor: PageCursor.optional() });

/** The `cursor` query parameter for PageCursorQuery; empty means the first page. */
export const pageCursorInput = (params: URLSearchParams) => ({
  cursor: params.get("cursor") || undefined,
});
