import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { CreateSavedView, SavedView } from "@/lib/saved-views";
import { ApiError } from "../api/guard";
import { db } from "../db";
import { savedViews } from "../db/schema";

/** A person's views are theirs alone, and per team: pocket ids in a view belong to one team. */
interface Owner {
  userId: string;
  teamId: string;
}

const toView = (r: typeof savedViews.$inferSelect): SavedView => ({
  id: r.id,
  page: r.page as SavedView["page"],
  name: r.name,
  search: r.search,
  createdAt: r.createdAt.toISOString(),
});

export async function listSavedViews(o: Owner, page: SavedView["page"]) {
  const rows = await db()
    .select()
    .from(savedViews)
    .where(
      and(
        eq(savedViews.userId, o.userId),
        eq(savedViews.teamId, o.teamId),
        eq(savedViews.page, page),
      ),
    )
    .orderBy(asc(savedViews.name));
  return rows.map(toView);
}

export async function createSavedView(o: Owner, v: CreateSavedView) {
  const [row] = await db()
    .insert(savedViews)
    .values({ ...o, ...v })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new ApiError("conflict", `You already have a view named “${v.name}”.`);
  return toView(row);
}

export async function deleteSavedView(o: Owner, id: string) {
  const [row] = await db()
    .delete(savedViews)
    .where(
      and(eq(savedViews.id, id), eq(savedViews.userId, o.userId), eq(savedViews.teamId, o.teamId)),
    )
    .returning({ id: savedViews.id });
  if (!row) throw new ApiError("not-found", "That view no longer exists.");
}
