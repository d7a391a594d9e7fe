import { guarded } from "@/server/api/guard";

// GET /api/transfer-requests/reviewers: who may review a request I make (never me).
export const GET = guarded("transfers:initiate", async ({ viewer }) => {
  const list = await viewer.jiko.transferReviewers();
  return Response.json({ items: list.items.filter((u) => u.id !== viewer.memberId) });
});
