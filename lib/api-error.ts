/**
 * The one error the browser's calls to our route handlers throw. Apart from api-client.ts so the
 * root layout's query client can recognise it without loading zod on every page.
 */
import type { ErrorCode } from "./errors";

export class ApiClientError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = "ApiClientError";
  }
}
