import "server-only";
import type { ZodError, z } from "zod";
import { ERROR_MESSAGES, ERROR_STATUS, type ErrorCode, type ErrorEnvelope } from "@/lib/errors";
import { type Capability, can } from "@/lib/permissions";
import { slidSessionCookie } from "../auth/cookie";
import { env } from "../env";
import { JikoError } from "../jiko";
import { log } from "../log";
import { forgetViewer, requestViewer, type Viewer } from "../viewer";
import { REFUSALS } from "../viewer-cache";
import { leaveSmallJsonUncompressed } from "./json-encoding";
import { markRequestOnly } from "./request-only";
import { teamMismatch } from "./team-check";

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

/** The largest JSON body a route reads: every form the dashboard sends fits in a few KiB. */
export const MAX_JSON_BYTES = 64 * 1024;

const tooLarge = () =>
  new ApiError("too-large", `The request body is over ${MAX_JSON_BYTES / 1024} KiB.`);

/**
 * The body's bytes, never more than `max`: a declared Content-Length over the cap is refused
 * before reading, and the stream is counted and cancelled past the cap whatever it declared.
 */
async function readCapped(req: Request, max: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length"));
  if (declared > max) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a JSON body of at most MAX_JSON_BYTES (413 past it) and parses it; a body that is not
 * JSON (or not UTF-8) is a 422 like any invalid input.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const bytes = await readCapped(req, MAX_JSON_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError("invalid", "The request body is not valid JSON.");
  }
  return parse(schema, body);
}

/**
 * Answers from the guard are never stored by a browser or a proxy: they are one person's data
 * (a handler that chose its own caching keeps it). A read by a signed-in person is activity: it
 * slides their session cookie, as a page load does in proxy.ts.
 */
function finish(res: Response, req: Request, viewer: Viewer | null): Response {
  const slid = viewer && isRead(req) ? slidSessionCookie(viewer.sessionToken) : null;
  const cached = res.headers.has("cache-control");
  if (cached && !slid) return res;
  const set = (headers: Headers) => {
    if (!cached) headers.set("cache-control", "no-store");
    if (slid) headers.append("set-cookie", slid);
  };
  try {
    set(res.headers);
    return res;
  } catch {
    // A fetched response passed through keeps immutable headers: copy it.
    const copy = new Response(res.body, res);
    set(copy.headers);
    return copy;
  }
}

const isRead = (req: Request) => req.method === "GET" || req.method === "HEAD";

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
  const answer = async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    let viewer: Viewer | null = null;
    let res: Response;
    try {
      if (!isRead(req) && !sameOrigin(req)) {
        throw new ApiError("forbidden", "Cross-origin requests are refused.");
      }
      viewer = await requestViewer(req);
      if (!viewer) throw new ApiError("reauth-required");
      const mismatch = isRead(req) ? null : teamMismatch(req, viewer);
      // A page rendered for another team hears that first: the role held in the team the session
      // has since switched to is beside the point.
      if (mismatch?.kind === "other-team") throw new ApiError("conflict", mismatch.message);
      if (capability && !can(new Set(viewer.capabilities), capability))
        throw new ApiError("forbidden");
      if (mismatch) throw new ApiError("conflict", mismatch.message);
      res = await handler({ req, params: await route.params, viewer });
    } catch (error) {
      res = failure(error, req, viewer);
    }
    return leaveSmallJsonUncompressed(finish(res, req, viewer));
  };
  return markRequestOnly(answer);
}

/** The one error envelope for what a guarded handler threw. */
function failure(error: unknown, req: Request, viewer: Viewer | null): Response {
  if (error instanceof ApiError) return errorResponse(error.code, error.message, error.issues);
  if (error instanceof JikoError) {
    // Jiko refused this session: who the cache says it is may be out of date.
    if (viewer && REFUSALS.has(error.code)) forgetViewer(viewer.sessionToken);
    const message =
      error.code === "rate-limited"
        ? `${ERROR_MESSAGES["rate-limited"]}${error.retryAfterSeconds ? ` (about ${error.retryAfterSeconds} s)` : ""}`
        : typeof error.detail === "string" && error.status > 0 && error.status < 500
          ? error.detail
          : ERROR_MESSAGES[error.code];
    // Jiko's field errors keep their fields (`loc` without FastAPI's leading "body"), so a
    // form can show each under its input.
    const issues = Array.isArray(error.detail)
      ? error.detail.map((d) => ({
          path: d.loc.filter((part, i) => !(i === 0 && part === "body")).join("."),
          message: d.msg,
        }))
      : undefined;
    return errorResponse(error.code, message, issues);
  }
  log.error({ err: error, path: new URL(req.url).pathname }, "unhandled route error");
  return errorResponse("internal", ERROR_MESSAGES.internal);
}
