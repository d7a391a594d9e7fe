import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { queryKeys } from "@/lib/query-keys";
import { type CreateSavedView, SAVED_VIEWS_MAX, type SavedView } from "@/lib/saved-views";
import { ApiError } from "../api/guard";
import { db } from "../db";
import type { Db } from "../db/client";
import { savedViews } from "../db/schema";

/** A person's views are theirs alone, and per team: pocket ids in a view belong to one team. */
interface Owner {
  userId: string;
  teamId: string;
}

/** The owner of the views a signed-in person sees: them, in their active team. */
export const ownerOf = (viewer: { userId: string; team: { id: string } }): Owner => ({
  userId: viewer.userId,
  teamId: viewer.team.id,
});

const toView = (r: typeof savedViews.$inferSelect): SavedView => ({
  id: r.id,
  page: r.page as SavedView["page"],
  name: r.name,
  search: r.search,
  createdAt: r.createdAt.toISOString(),
});

const ofPage = (o: Owner, page: SavedView["page"]) =>
  and(eq(savedViews.userId, o.userId), eq(savedViews.teamId, o.teamId), eq(savedViews.page, page));

export async function listSavedViews(o: Owner, page: SavedView["page"], database: Db = db()) {
  const rows = await database
    .select()
    .from(savedViews)
    .where(ofPage(o, page))
    .orderBy(asc(savedViews.name));
  return rows.map(toView);
}

/**
 * A page's views under the key the browser's `useSavedViews` reads, for the page's first paint:
 * read with the page, the select and its Save or Delete button are right at once. Read after
 * the page instead, "Save view" turned into "Delete view" under a click once the views arrived.
 */
export const savedViewsQuery = (owner: Owner, page: SavedView["page"]) => ({
  queryKey: queryKeys.savedViews(page),
  queryFn: async () => ({ items: await listSavedViews(owner, page) }),
});

/**
 * Saves a view, at most SAVED_VIEWS_MAX per person, team and page. The count and the insert are
 * two statements: two saves racing at the cap may leave one view over it, which is harmless.
 */
export async function createSavedView(o: Owner, v: CreateSavedView, database: Db = db()) {
  const [held] = await database.select({ n: count() }).from(savedViews).where(ofPage(o, v.page));
  if ((held?.n ?? 0) >= SAVED_VIEWS_MAX) {
    throw new ApiError(
      "conflict",
      `You already have ${SAVED_VIEWS_MAX} saved views here. Delete one to save another.`,
    );
  }
  const [row] = await database
    .insert(savedViews)
    .values({ ...o, ...v })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new ApiError("conflict", `You already have a view named “${v.name}”.`);
  return toView(row);
}

export async function deleteSavedView(o: Owner, id: string, database: Db = db()) {
  const [row] = await database
    .delete(savedViews)
    .where(
      and(eq(savedViews.id, id), eq(savedViews.userId, o.userId), eq(savedViews.teamId, o.teamId)),
    )
    .returning({ id: savedViews.id });
  if (!row) throw new ApiError("not-found", "That view no longer exists.");
}
