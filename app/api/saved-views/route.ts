import { CreateSavedView, SavedViewPage } from "@/lib/saved-views";
import { guarded, parse, readJson } from "@/server/api/guard";
import { createSavedView, listSavedViews, ownerOf } from "@/server/saved-views/store";

// GET /api/saved-views?page=transactions: the person's named views of a page, by name.
export const GET = guarded(null, async ({ req, viewer }) => {
  const page = parse(SavedViewPage, new URL(req.url).searchParams.get("page"));
  return Response.json(
    { items: await listSavedViews(ownerOf(viewer), page) },
    { headers: { "cache-control": "no-store" } },
  );
});

// POST /api/saved-views {page, name, search}: save the filters on screen under a name.
export const POST = guarded(null, async ({ req, viewer }) =>
  Response.json(await createSavedView(ownerOf(viewer), await readJson(req, CreateSavedView)), {
    status: 201,
  }),
);
