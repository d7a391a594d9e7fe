import { z } from "zod";
import { guarded, parse } from "@/server/api/guard";

const Query = z.object({ pocket: z.uuid(), trade: z.uuid() });

// GET /api/trades/confirmation?pocket&trade: the trade's confirmation PDF, fetched from Jiko's
// short-lived link at the moment it is asked for and streamed through: never stored.
export const GET = guarded("ledger:view", async ({ req, viewer }) => {
  const q = parse(Query, Object.fromEntries(new URL(req.url).searchParams));
  const link = await viewer.jiko.tradeConfirmationUrl(q.pocket, q.trade);
  const pdf = await fetch(link, { cache: "no-store", signal: AbortSignal.timeout(30_000) });
  if (!pdf.ok || !pdf.body) throw new Error(`confirmation link answered ${pdf.status}`);
  return new Response(pdf.body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="trade-confirmation-${q.trade}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
