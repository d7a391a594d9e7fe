import "server-only";
import type { ZodError, z } from "zod";
import { ERROR_MESSAGES, ERROR_STATUS, type ErrorCode, type ErrorEnvelope } from "@/lib/errors";
import { type Capability, can } from "@/lib/permissions";
import { env } from "../env";
import { JikoError } from "../jiko";
import { log } from "../log";
import { getViewer, type Viewer } from "../viewer";

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message ?? ERROR_MESSAGES[code]);
  }
}

export function errorResponse(
  code: ErrorCode,
  message: string,
  issues?: ErrorEnvelope["error"]["issues"],
) {
  const body: ErrorEnvelope = { error: { code, message, ...(issues ? { issues } : {}) } };
  return Response.json(body, {
    status: ERROR_STATUS[code],
    headers: { "cache-control": "no-store" },
  });
}

export function invalid(error: ZodError): ApiError {
  return new ApiError(
    "invalid",
    ERROR_MESSAGES.invalid,
    error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  );
}

/** Parses input with a schema, answering 422 with the failing paths. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(result.error);
  return result.data;
}

/** Reads a JSON body and parses it; a body that is not JSON is a 422 like any invalid input. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new ApiError("invalid", "The request body is not valid JSON.");
  }
  return parse(schema, body);
}

function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  return origin !== null && origin === new URL(env().APP_URL).origin;
}

interface Context<P> {
  req: Request;
  params: P;
  viewer: Viewer;
}

/**
 * Every route handler runs inside this: it resolves the session and the person's capability
 * before the body runs, refuses cross-origin mutations, and turns failures into the one error
 * envelope (Jiko's refusals keep their meaning; unknown errors become a generic 500, logged).
 */
export function guarded<P = Record<string, never>>(
  capability: Capability | null,
  handler: (ctx: Context<P>) => Promise<Response>,
) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      if (!["GET", "HEAD"].includes(req.method) && !sameOrigin(req)) {
        throw new ApiError("forbidden", "Cross-origin requests are refused.");
      }
      const viewer = await getViewer();
      if (!viewer) throw new ApiError("reauth-required");
      if (capability && !can(new Set(viewer.capabilities), capability))
        throw new ApiError("forbidden");
      return await handler({ req, params: await route.params, viewer });
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error.code, error.message, error.issues);
      if (error instanceof JikoError) {
        const message =
          error.code === "rate-limited"
            ? `${ERROR_MESSAGES["rate-limited"]}${error.retryAfterSeconds ? ` (about ${error.retryAfterSeconds} s)` : ""}`
            : typeof error.detail === "string" && error.status > 0 && error.status < 500
              ? error.detail
              : ERROR_MESSAGES[error.code];
        return errorResponse(error.code, message);
      }
      log.error({ err: error, path: new URL(req.url).pathname }, "unhandled route error");
      return errorResponse("internal", ERROR_MESSAGES.internal);
    }
  };
}
