/** The browser's side of the route handlers: JSON in, zod-checked JSON out, one error type. */
import type { z } from "zod";
import { ERROR_MESSAGES, type ErrorCode, ErrorEnvelope } from "./errors";

export class ApiClientError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiClientError";
  }
}

export async function apiGet<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  const res = await fetch(path, {
    headers: { accept: "application/json" },
    credentials: "same-origin",
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const envelope = ErrorEnvelope.safeParse(body);
    if (envelope.success)
      throw new ApiClientError(envelope.data.error.code, envelope.data.error.message, res.status);
    throw new ApiClientError("internal", ERROR_MESSAGES.internal, res.status);
  }
  return schema.parse(body);
}
