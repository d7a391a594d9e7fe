/**
 * The portal's HTTP front: one node:http handler that rate-limits the authentication endpoints
 * per client IP, stamps a request id, and hands each request to our pages (/interaction/*,
 * /_sandbox/*) or to oidc-provider (everything else).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener, type HttpBindings } from "@hono/node-server";
import { Hono } from "hono";
import type { default as Provider } from "oidc-provider";
import type { SandboxDb } from "../db/open";
import { METHOD_NOT_ALLOWED, NOT_FOUND } from "../http/errors";
import { type RateLimiter, rateLimitHeaders } from "../http/rate-limit";
import type { Logger } from "../log";
import { clientRoutes } from "./clients";
import { interactionRoutes } from "./interactions";
import { INTERACTION_PATH } from "./provider";
import { SIGNUP_PATH, signupRoutes } from "./signup";

/** Counted in Jiko's "authentication" group: everything but discovery, keys and /_sandbox. */
const isRateLimited = (path: string) =>
  !path.startsWith("/_sandbox/") && !path.startsWith("/.well-known/");

export function portalHandler(o: {
  provider: Provider;
  db: SandboxDb;
  limiter: RateLimiter;
  log: Logger;
}) {
  const pages = new Hono<{ Bindings: HttpBindings }>();
  pages.route("/", interactionRoutes(o));
  pages.route("/", clientRoutes(o));
  pages.route("/", signupRoutes(o));
  pages.all("/_sandbox/oauth-clients", (c) => c.json(METHOD_NOT_ALLOWED, 405));
  pages.notFound((c) => c.json(NOT_FOUND, 404));

  const toPages = getRequestListener(pages.fetch, { overrideGlobalObjects: false });
  const toProvider = o.provider.callback();

  return (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const path = (req.url ?? "/").split("?")[0]!;
    const requestId = (req.headers["x-request-id"] as string | undefined) ?? randomUUID();
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => {
      o.log.info(
        {
          origin: "portal",
          requestId,
          method: req.method,
          // Never the interaction uid or the invitation token.
          path: path.startsWith(INTERACTION_PATH)
            ? INTERACTION_PATH
            : path.startsWith(`${SIGNUP_PATH}/`)
              ? SIGNUP_PATH
              : path,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        "request",
      );
    });

    if (isRateLimited(path)) {
      const ip = req.socket.remoteAddress ?? "unknown";
      const d = o.limiter.hit("authentication", ip);
      for (const [k, v] of Object.entries(rateLimitHeaders(d))) res.setHeader(k, v);
      if (!d.allowed) {
        res.writeHead(429, {
          "Content-Type": "application/json",
          "Retry-After": String(d.retryAfter),
        });
        res.end(JSON.stringify({ detail: "Rate limit exceeded" }));
        return;
      }
    }

    if (
      path.startsWith(`${INTERACTION_PATH}/`) ||
      path.startsWith(`${SIGNUP_PATH}/`) ||
      path.startsWith("/_sandbox/")
    ) {
      void toPages(req, res);
    } else {
      void toProvider(req, res);
    }
  };
}
