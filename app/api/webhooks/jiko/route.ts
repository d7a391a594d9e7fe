import { after } from "next/server";
import { publish } from "@/server/live/bus";
import { pruneEvents } from "@/server/live/events-store";
import { MAX_WEBHOOK_BYTES, receiveWebhook } from "@/server/live/receive";
import { log } from "@/server/log";

// POST /api/webhooks/jiko: Jiko's signed event deliveries. No session: the signature over the raw
// body is the only credential. The event is stored before the answer (nothing is lost if the
// instance stops); fanning it out to open pages happens after the answer, so Jiko waits for
// nothing but one insert.
export async function POST(req: Request): Promise<Response> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_WEBHOOK_BYTES) return answer(413, "The delivery is too large.");
  const body = new Uint8Array(await req.arrayBuffer());
  if (body.byteLength > MAX_WEBHOOK_BYTES) return answer(413, "The delivery is too large.");
  const receipt = await receiveWebhook(body, req.headers.get("x-jiko-signature"));
  if (receipt.status !== 202) {
    log.warn({ status: receipt.status, reason: receipt.reason }, "webhook refused");
    return answer(receipt.status, receipt.reason);
  }
  const { event } = receipt;
  if (event) {
    after(async () => {
      await publish(event).catch((error) =>
        log.error({ err: error, seq: event.seq }, "fan-out failed"),
      );
      // Ids are kept a week, far past the replay window; trimmed every thousandth event.
      if (event.seq % 1000 === 0) await pruneEvents(24 * 7).catch(() => {});
    });
  }
  return Response.json(
    { received: true, duplicate: receipt.duplicate },
    { status: 202, headers: { "cache-control": "no-store" } },
  );
}

function answer(status: number, detail: string): Response {
  return Response.json({ detail }, { status, headers: { "cache-control": "no-store" } });
}
