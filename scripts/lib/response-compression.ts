import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, constants, deflateSync, gzipSync } from "node:zlib";
import compression from "compression";
import Negotiator from "negotiator";

/**
 * Brotli at quality 4 (the library's default): about the CPU of gzip at level 6, the level Next
 * uses, for a smaller answer.
 */
export const BROTLI_QUALITY = 4;
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } };

/**
 * Compression of the server's answers (pages, their RSC payloads, JSON), in place of Next's own
 * (`compress: false` in next.config.ts), which speaks gzip only. A page carries its stylesheet
 * three times (inlined, and twice in its RSC payload), about 40 kB apart: further back than
 * gzip's 32 KiB window reaches, so gzip pays for each copy, while brotli's window of megabytes
 * sends the repeats for a few bytes. The rules are Next's, since it is the same library (1.8 adds
 * brotli): answers under 1 KiB, types that do not compress, and `Cache-Control: no-transform`
 * (downloads, the live stream, small JSON) go out as they are; gzip for a browser without brotli;
 * streamed pages are flushed chunk by chunk, as Next asks (`res.flush()`).
 */
export const responseCompression = () => compression({ brotli: BROTLI_OPTIONS });

/** The library's choices: its encodings in order, the ones it prefers on a tie, its threshold. */
const ENCODINGS = ["br", "gzip", "deflate", "identity"] as const;
const PREFERRED = ["br", "gzip"] as const;
const THRESHOLD = 1024;
/**
 * Above this, an answer is left to the middleware's stream: compressed at once, it would hold the
 * server's one thread for over a millisecond (brotli at quality 4 or gzip took 0.4–0.5 ms for
 * 115 kB of transactions' JSON here).
 */
const WHOLE_MAX = 256 * 1024;

const compressors: Record<string, (body: Uint8Array) => Buffer> = {
  br: (body) => brotliCompressSync(body, BROTLI_OPTIONS),
  gzip: (body) => gzipSync(body),
  deflate: (body) => deflateSync(body),
};

/**
 * A whole JSON answer compressed at once, as the middleware above would compress it (the same
 * negotiation, threshold, no-transform rule and settings), framed by its length. The middleware
 * streams through zlib on Node's thread pool: a page of 100 transactions (62 kB) left in three
 * writes (the headers, the data, the chunked ending) after two trips to the pool, and each write
 * wakes the reader. Done here, the answer is one write and no trip, for the same compression
 * work. Sets Content-Encoding and Content-Length and returns the bytes to send; the middleware
 * then passes an encoded answer on as it is, after adding its `Vary: Accept-Encoding`.
 */
export function compressWholeJson(
  req: IncomingMessage,
  res: ServerResponse,
  body: Uint8Array,
): Uint8Array {
  const method =
    body.byteLength < THRESHOLD ||
    body.byteLength > WHOLE_MAX ||
    !req.headers["accept-encoding"] ||
    /(?:^|,)\s*?no-transform\s*?(?:,|$)/i.test(String(res.getHeader("cache-control") ?? "")) ||
    res.hasHeader("content-encoding")
      ? undefined
      : new Negotiator(req).encoding(ENCODINGS, PREFERRED);
  const compress = method ? compressors[method] : undefined;
  const out = compress ? compress(body) : body;
  if (compress) res.setHeader("content-encoding", method!);
  res.setHeader("content-length", out.byteLength);
  return out;
}
