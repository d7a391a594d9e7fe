/**
 * The dashboard's JSON reads, answered without Next's router. A GET to a route whose handler is
 * marked request-only (every guarded() route: server/api/request-only.ts) is handed to that
 * handler here, as a web Request, and its Response written back. Next's own handling of a request
 * (its routing, its request scope, its stream plumbing) is the larger part of the server's work on
 * a small read: `npm run bench:route-cpu` measured the server's CPU for an /api/team read at
 * 4.28 ms through Next and 1.98 ms here, and a signed-out read at 1.36 and 0.64 ms.
 * The handlers are the ones Next built and runs (.next/server/app/api/…/route.js, loaded through
 * Node's module cache as Next loads them, so their state is shared), with the headers
 * next.config.ts gives API answers. Everything else goes to Next: changes, HEAD and OPTIONS, the
 * sign-in routes, a path with a trailing slash, a route's first read (while its handler loads),
 * and every route when the build's routes cannot be read this way (a Next upgrade that moves
 * them): `next dev` and that fallback behave the same.
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { requestOnly } from "../../server/api/request-only";
import { API_POLICY, BASELINE_HEADERS, HSTS } from "../../server/security-headers";
import { compressWholeJson } from "./response-compression";

type Handler = NonNullable<ReturnType<typeof requestOnly>>;

/** What this path reads of a compiled route module (Next's AppRouteRouteModule). */
interface RouteModule {
  ensureUserland?: () => Promise<void>;
  userland?: { GET?: unknown };
}

interface Route {
  /** The pattern's segments: a name, `[param]` or `[...param]` (the last one). */
  segments: string[];
  file: string;
}

/** API routes of the build, `/api/pockets/[pocketId]` → its compiled module, static first. */
export function apiRoutes(manifest: Record<string, string>, appDir: string): Route[] {
  const routes = Object.entries(manifest)
    // Optional catch-alls ([[...x]]) are left to Next: the API has none.
    .filter(
      ([entry, url]) => entry.endsWith("/route") && url.startsWith("/api/") && !url.includes("[["),
    )
    .map(([entry, url]) => ({
      segments: url.split("/").slice(1),
      file: path.join(appDir, `${entry}.js`),
    }));
  // Next prefers a static segment to a dynamic one at the same place, and a catch-all last.
  const rank = (s: string) => (s.startsWith("[...") ? 2 : s.startsWith("[") ? 1 : 0);
  return routes.sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const d = rank(a.segments[i] ?? "") - rank(b.segments[i] ?? "");
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** The route a path names and its params, or undefined (decoded as Next decodes them). */
export function matchRoute(
  routes: readonly Route[],
  pathname: string,
): { route: Route; params: Record<string, string | string[]> } | undefined {
  const parts = pathname.split("/").slice(1);
  if (parts.some((p) => p === "")) return undefined;
  let decoded: string[];
  try {
    decoded = parts.map(decodeURIComponent);
  } catch {
    return undefined;
  }
  for (const route of routes) {
    const params: Record<string, string | string[]> = {};
    let ok = true;
    for (let i = 0; i < route.segments.length && ok; i++) {
      const s = route.segments[i]!;
      if (s.startsWith("[...")) {
        if (i >= decoded.length) ok = false;
        else params[s.slice(4, -1)] = decoded.slice(i);
        break;
      }
      if (i >= decoded.length) ok = false;
      else if (s.startsWith("[")) params[s.slice(1, -1)] = decoded[i]!;
      else ok = s === decoded[i];
    }
    const last = route.segments.at(-1) ?? "";
    if (ok && (last.startsWith("[...") || route.segments.length === decoded.length)) {
      return { route, params };
    }
  }
  return undefined;
}

/** The headers next.config.ts gives every API answer, worked out once. */
const API_HEADERS: [string, string][] = [
  ...BASELINE_HEADERS.map((h): [string, string] => [h.key, h.value]),
  ["Content-Security-Policy", API_POLICY],
];

/** The headers next.config.ts gives an API answer to this request (HSTS behind https). */
export function apiAnswerHeaders(req: IncomingMessage): [string, string][] {
  return req.headers["x-forwarded-proto"] === "https"
    ? [...API_HEADERS, ["Strict-Transport-Security", HSTS]]
    : API_HEADERS;
}

/** The request as the handler reads it: its URL on this origin, its headers, aborted on close. */
function webRequest(req: IncomingMessage, res: ServerResponse): Request {
  const aborted = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) aborted.abort();
  });
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  const host = req.headers.host ?? "localhost";
  const https =
    req.headers["x-forwarded-proto"] === "https" ||
    (req.socket as { encrypted?: boolean }).encrypted;
  return new Request(`${https ? "https" : "http"}://${host}${req.url}`, {
    headers,
    signal: aborted.signal,
  });
}

/**
 * Headers a handler's answer never passes on, as Next's sendResponse drops them: a fetched body
 * may have been decoded on the way in, so its length and encoding would no longer frame it.
 */
const DROPPED = new Set(["content-length", "content-encoding", "transfer-encoding"]);
/** Headers that add to what is set already; any other the handler sets once more is skipped. */
const REPEATABLE = new Set(["www-authenticate", "proxy-authenticate", "vary"]);

/**
 * Writes a handler's answer as Next does: the status, the API headers (which win over the
 * handler's own of the same name, as next.config.ts's do), every Set-Cookie apart, then the body:
 * JSON in one write, anything else streamed.
 */
async function send(answer: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.statusCode = answer.status;
  if (answer.statusText) res.statusMessage = answer.statusText;
  for (const [key, value] of apiAnswerHeaders(req)) res.setHeader(key, value);
  answer.headers.forEach((value, key) => {
    if (DROPPED.has(key) || key === "set-cookie") return;
    if (REPEATABLE.has(key) || res.getHeader(key) === undefined) res.appendHeader(key, value);
  });
  for (const cookie of answer.headers.getSetCookie()) res.appendHeader("set-cookie", cookie);
  if (!answer.body) {
    res.end();
    return;
  }
  // JSON is whole already (the guard reads it, server/api/json-encoding.ts): compressed at once
  // and sent in one write, without the stream adapters a streamed body needs.
  if (answer.headers.get("content-type")?.startsWith("application/json")) {
    res.end(compressWholeJson(req, res, new Uint8Array(await answer.arrayBuffer())));
    return;
  }
  const body = Readable.fromWeb(answer.body as import("node:stream/web").ReadableStream);
  // A stream (the live feed, an export) goes out chunk by chunk through the compression.
  const flush = (res as ServerResponse & { flush?: () => void }).flush;
  if (flush) body.on("data", () => queueMicrotask(() => flush.call(res)));
  await pipeline(body, res);
}

/**
 * The reads this server answers itself, loaded from the build at `root`: undefined when the
 * build's routes cannot be read (everything then goes to Next).
 */
export function apiReads(root: string) {
  const appDir = path.join(root, ".next", "server", "app");
  let routes: Route[];
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(root, ".next", "app-path-routes-manifest.json"), "utf8"),
    ) as Record<string, string>;
    routes = apiRoutes(manifest, appDir);
  } catch {
    return undefined;
  }
  const load = createRequire(path.join(root, "package.json"));
  /** Each route's GET handler once loaded, null when it has none this path may serve. */
  const handlers = new Map<string, Handler | null>();
  const loading = new Set<string>();
  const loadHandler = async (file: string): Promise<Handler | null> => {
    try {
      const mod = load(file) as { routeModule?: RouteModule };
      // Next loads a route's own code on its first request (ensureUserland, where it exists).
      await mod.routeModule?.ensureUserland?.();
      return requestOnly(mod.routeModule?.userland?.GET) ?? null;
    } catch {
      return null;
    }
  };
  return {
    routes: routes.length,
    /** Answers the request when it is such a read (true), else leaves it to Next (false). */
    handle(req: IncomingMessage, res: ServerResponse): boolean {
      if (req.method !== "GET" || !req.url?.startsWith("/api/")) return false;
      const pathname = req.url.split("?")[0]!;
      const match = matchRoute(routes, pathname);
      if (!match) return false;
      const handler = handlers.get(match.route.file);
      // Not loaded yet: Next answers this one while the handler loads for the next.
      if (handler === undefined) {
        const file = match.route.file;
        if (!loading.has(file)) {
          loading.add(file);
          void loadHandler(file).then((h) => handlers.set(file, h));
        }
        return false;
      }
      if (!handler) return false;
      let request: Request;
      try {
        request = webRequest(req, res);
      } catch {
        // A Host header no URL can hold, say: Next answers it as it would.
        return false;
      }
      handler(request, { params: Promise.resolve(match.params as never) })
        .then((answer) => send(answer, req, res))
        .catch((error: unknown) => {
          // A client gone mid-stream ends the pipeline: nothing left to answer.
          if (res.destroyed) return;
          console.error("request failed", error);
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        });
      return true;
    },
  };
}
