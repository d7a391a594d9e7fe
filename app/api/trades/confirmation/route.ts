import { z } from "zod";
import { recordAccess } from "@/server/access-log/store";
import { guarded, parse } from "@/server/api/guard";
import { confirmationDownload } from "@/server/downloads/documents";

const Query = z.object({ pocket: z.uuid(), trade: z.uuid() });

// GET /api/trades/confirmation?pocket&trade: the trade's confirmation PDF, fetched from Jiko's
// short-lived link (on Jiko's hosts only) at the moment it is asked for and streamed through:
// never stored.
export const GET = guarded("ledger:view", async ({ req, viewer }) => {
  const query = parse(Query, Object.fromEntries(new URL(req.url).searchParams));
  await recordAccess(viewer, "confirmation.downloaded", { kind: "trade", id: query.trade });
  return confirmationDownload(viewer.jiko, query);
});
