/**
 * The part of `compression` (expressjs/compression, CommonJS) that scripts/lib/response-compression.ts
 * uses: it works on Node's own request and response, Express or not. Its published types pull in
 * all of Express's, so this declares the one function instead.
 */
declare module "compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  import type { BrotliOptions, ZlibOptions } from "node:zlib";

  interface CompressionOptions extends ZlibOptions {
    /** Bytes below which a response is sent as it is (default 1 KiB). */
    threshold?: number | string;
    brotli?: BrotliOptions;
    filter?: (req: IncomingMessage, res: ServerResponse) => boolean;
  }

  export default function compression(
    options?: CompressionOptions,
  ): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
}
