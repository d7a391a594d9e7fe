/**
 * A route handler that needs nothing of Next's request scope: everything it reads comes from its
 * Request and its params (guarded() reads the session cookie from the request itself). The
 * production server answers GETs to such handlers without Next's router
 * (scripts/lib/api-reads.ts); every other request, and `next dev`, goes through Next as usual.
 * No server-only import: the production server reads the mark.
 */
const REQUEST_ONLY = Symbol.for("treasury-desk:request-only-route");

type Handler = (req: Request, route: { params: Promise<never> }) => Promise<Response>;

export function markRequestOnly<H extends object>(handler: H): H {
  return Object.assign(handler, { [REQUEST_ONLY]: true });
}

/** The handler, when it carries the mark. */
export function requestOnly(handler: unknown): Handler | undefined {
  return typeof handler === "function" && (handler as { [REQUEST_ONLY]?: boolean })[REQUEST_ONLY]
    ? (handler as Handler)
    : undefined;
}
