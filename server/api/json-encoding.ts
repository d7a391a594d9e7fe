import "server-only";

/**
 * About what a new connection may send in its first round trip (ten segments of about 1,400
 * bytes, RFC 6928): an answer this small arrives no sooner compressed.
 */
export const ONE_ROUND_TRIP_BYTES = 14_000;

/**
 * A guarded route's JSON answer, marked `no-transform` when it is smaller than one round trip's
 * worth, so that the server sends it as it is instead of compressing it. The server compresses
 * every answer over 1 kB through a zlib stream (scripts/lib/response-compression.ts, as Next did
 * before it), which on a two-core server costs about as much as the rest of the dashboard's own
 * work on a small call (the team's list, 2.5 kB); compressing it saves no round trip on a real
 * network either. Larger answers (a page of 100 transactions, 62 kB) are still compressed: there
 * it saves round trips. Next 16 drops a route's own Content-Encoding, so the guard cannot
 * compress them itself. Anything that is not JSON (a CSV export streaming through, a redirect)
 * is returned untouched.
 */
export async function leaveSmallJsonUncompressed(res: Response): Promise<Response> {
  if (!res.body || !res.headers.get("content-type")?.startsWith("application/json")) return res;
  const json = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  if (json.length < ONE_ROUND_TRIP_BYTES) {
    const cacheControl = headers.get("cache-control");
    headers.set("cache-control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  }
  return new Response(json as BodyInit, {
    status: res.status,
    statusText: res.statusText,
    headers,
  });
}
