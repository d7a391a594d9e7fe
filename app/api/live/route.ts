import { z } from "zod";
import { guarded } from "@/server/api/guard";
import { latestSeq } from "@/server/live/events-store";
import { watchCustomer } from "@/server/live/poller";
import { liveModeFor } from "@/server/live/secrets";
import { liveStream } from "@/server/live/stream";

export const dynamic = "force-dynamic";

const Seq = z.coerce.number().int().nonnegative().catch(0);

// GET /api/live: server-sent events telling the person's open pages what changed at Jiko.
// A reconnect's Last-Event-ID (or `after`, the seq the page was rendered at) says where to resume.
export const GET = guarded(null, async ({ req, viewer }) => {
  const url = new URL(req.url);
  const fromHeader = req.headers.get("last-event-id");
  const after = fromHeader ?? url.searchParams.get("after");
  const afterSeq = after === null ? await latestSeq(viewer.customerId) : Seq.parse(after);
  const mode = await liveModeFor(viewer.customerId);
  const release = watchCustomer(viewer.customerId, viewer.jiko);
  const body = liveStream({
    customerId: viewer.customerId,
    afterSeq,
    signal: req.signal,
    hello: { mode },
    onClose: release,
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
