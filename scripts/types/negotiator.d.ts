/**
 * The part of `negotiator` (CommonJS) that scripts/lib/response-compression.ts uses: the
 * encoding chosen as `compression` chooses it, with its list of preferred encodings (a second
 * argument the published types leave out).
 */
declare module "negotiator" {
  import type { IncomingMessage } from "node:http";

  export default class Negotiator {
    constructor(request: IncomingMessage);
    /** The client's most preferred of `available`; ties go to the first of `preferred`. */
    encoding(available: readonly string[], preferred?: readonly string[]): string | undefined;
  }
}
