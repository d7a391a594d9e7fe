import { constants } from "node:zlib";
import compression from "compression";

/**
 * Brotli at quality 4 (the library's default): about the CPU of gzip at level 6, the level Next
 * uses, for a smaller answer.
 */
export const BROTLI_QUALITY = 4;

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
export const responseCompression = () =>
  compression({ brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } });
