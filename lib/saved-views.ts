/** Named views: a page's filters saved under a name, shared by the routes and the browser. */
import { z } from "zod";

export const SAVED_VIEW_PAGES = ["transactions"] as const;
export const SavedViewPage = z.enum(SAVED_VIEW_PAGES);

export const SavedView = z.object({
  id: z.string(),
  page: SavedViewPage,
  name: z.string(),
  /** The URL search string of the filters, without the "?". */
  search: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type SavedView = z.infer<typeof SavedView>;

export const SavedViewList = z.object({ items: z.array(SavedView) });

/** Views a person may keep per page and team: a list to choose from, not a store. */
export const SAVED_VIEWS_MAX = 50;

export const CreateSavedView = z.object({
  page: SavedViewPage,
  name: z
    .string()
    .trim()
    .min(1, "Give the view a name")
    .max(60, "Keep the name under 60 characters")
    .regex(/^[^\p{Cc}]*$/u, "The name cannot contain tabs, line breaks or control characters"),
  search: z.string().max(4_000, "These filters are too long to save"),
});
export type CreateSavedView = z.infer<typeof CreateSavedView>;
