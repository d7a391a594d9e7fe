import { guarded } from "@/server/api/guard";
import { deleteSavedView, ownerOf } from "@/server/saved-views/store";

type Params = { viewId: string };

// DELETE /api/saved-views/:viewId: forget one of the person's views.
export const DELETE = guarded<Params>(null, async ({ params, viewer }) => {
  await deleteSavedView(ownerOf(viewer), params.viewId);
  return new Response(null, { status: 204 });
});
