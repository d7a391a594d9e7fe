import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_POLICY, HSTS } from "../../server/security-headers";
import { apiReads, apiRoutes, matchRoute } from "./api-reads";
import { responseCompression } from "./response-compression";

const MANIFEST = {
  "/(dashboard)/approvals/page": "/approvals",
  "/api/auth/[...nextauth]/route": "/api/auth/[...nextauth]",
  "/api/pockets/[pocketId]/earnings/route": "/api/pockets/[pocketId]/earnings",
  "/api/pockets/[pocketId]/route": "/api/pockets/[pocketId]",
  "/api/pockets/available/route": "/api/pockets/available",
  "/api/pockets/route": "/api/pockets",
  "/api/things/[id]/route": "/api/things/[id]",
  "/api/things/special/route": "/api/things/special",
  "/api/changes/route": "/api/changes",
  "/api/plain/route": "/api/plain",
  "/api/live/route": "/api/live",
};

describe("matchRoute", () => {
  const routes = apiRoutes(MANIFEST, "/build/app");
  const match = (p: string) => {
    const m = matchRoute(routes, p);
    return m && { file: m.route.file, params: m.params };
  };

  it("finds the compiled module of a static route, and never a page", () => {
    expect(match("/api/pockets")?.file).toBe("/build/app/api/pockets/route.js");
    expect(match("/approvals")).toBeUndefined();
  });

  it("prefers a static segment to a dynamic one, as Next does", () => {
    expect(match("/api/pockets/available")).toEqual({
      file: "/build/app/api/pockets/available/route.js",
      params: {},
    });
    expect(match("/api/pockets/p-1")).toEqual({
      file: "/build/app/api/pockets/[pocketId]/route.js",
      params: { pocketId: "p-1" },
    });
  });

  it("decodes params and takes a catch-all's rest as a list", () => {
    expect(match("/api/pockets/a%20b/earnings")?.params).toEqual({ pocketId: "a b" });
    expect(match("/api/auth/callback/jiko")?.params).toEqual({ nextauth: ["callback", "jiko"] });
  });

  it("leaves trailing slashes, unknown paths and undecodable segments to Next", () => {
    expect(match("/api/pockets/")).toBeUndefined();
    expect(match("/api/pockets/p-1/earnings/more")).toBeUndefined();
    expect(match("/api/nothing")).toBeUndefined();
    expect(match("/api/pockets/%E0%A4%A")).toBeUndefined();
  });
});

// A build as Next leaves it: the routes' manifest and each route's compiled module.
const MARK = 'Symbol.for("treasury-desk:request-only-route")';
const MODULES: Record<string, string> = {
  "api/things/[id]": `
    const GET = async (req, route) => {
      const { id } = await route.params;
      const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store" });
      headers.append("set-cookie", "a=1; Path=/");
      headers.append("set-cookie", "b=2; Path=/");
      return new Response(JSON.stringify({ id, query: new URL(req.url).search, cookie: req.headers.get("cookie") }), { headers });
    };
    GET[${MARK}] = true;
    exports.routeModule = { userland: { GET } };`,
  "api/things/special": `
    // A body passed on as fetched: its length and encoding no longer frame it; a policy of its own.
    const GET = async () => new Response(JSON.stringify({ special: true }), {
      headers: {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "content-length": "3",
        "content-security-policy": "default-src *",
      },
    });
    GET[${MARK}] = true;
    exports.routeModule = { userland: { GET } };`,
  "api/many": `
    const GET = async () => Response.json({ items: Array.from({ length: 400 }, (_, i) => ({ i })) });
    GET[${MARK}] = true;
    exports.routeModule = { userland: { GET } };`,
  "api/changes": `
    const POST = async () => Response.json({ changed: true });
    POST[${MARK}] = true;
    exports.routeModule = { userland: { POST } };`,
  "api/plain": `
    exports.routeModule = { userland: { GET: async () => Response.json({ plain: true }) } };`,
  "api/live": `
    globalThis.__liveAborted = false;
    const GET = async (req) => {
      let n = 0;
      const body = new ReadableStream({
        pull(controller) {
          if (n === 3) return new Promise(() => {});
          controller.enqueue(new TextEncoder().encode("data: " + n++ + "\\n\\n"));
        },
      });
      req.signal.addEventListener("abort", () => { globalThis.__liveAborted = true; });
      return new Response(body, { headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform" } });
    };
    GET[${MARK}] = true;
    exports.routeModule = { userland: { GET } };`,
};

let root: string;
let server: Server;
let base: string;
/** Requests the reads left to Next. */
const passedOn: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "td-api-reads-"));
  writeFileSync(path.join(root, "package.json"), "{}");
  mkdirSync(path.join(root, ".next"), { recursive: true });
  writeFileSync(
    path.join(root, ".next", "app-path-routes-manifest.json"),
    JSON.stringify(Object.fromEntries(Object.keys(MODULES).map((r) => [`/${r}/route`, `/${r}`]))),
  );
  for (const [route, source] of Object.entries(MODULES)) {
    const dir = path.join(root, ".next", "server", "app", route);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "route.js"), source);
  }
  const reads = apiReads(root);
  if (!reads) throw new Error("the build's routes were not read");
  const compress = responseCompression();
  server = createServer((req, res) => {
    compress(req, res, () => {
      if (reads.handle(req, res)) return;
      passedOn.push(`${req.method} ${req.url}`);
      res.statusCode = 418;
      res.end("Next");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  rmSync(root, { recursive: true, force: true });
});

describe("apiReads", () => {
  it("leaves a route's first read to Next while it loads the route's handler", async () => {
    for (const p of [
      "/api/things/t1",
      "/api/things/special",
      "/api/live",
      "/api/plain",
      "/api/many",
    ]) {
      expect((await fetch(`${base}${p}`)).status).toBe(418);
    }
    await expect.poll(() => fetch(`${base}/api/things/special`).then((r) => r.status)).toBe(200);
    expect(passedOn).toContain("GET /api/things/special");
    passedOn.length = 0;
  });

  it("answers a marked GET itself, with the request's query, cookie and params", async () => {
    const res = await fetch(`${base}/api/things/t%201?cursor=abc`, {
      headers: { cookie: "td.session=s1" },
    });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ id: "t 1", query: "?cursor=abc", cookie: "td.session=s1" });
    // JSON goes out in one piece, framed by its length rather than chunked like a stream.
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(passedOn).toEqual([]);
  });

  it("gives its answers the headers next.config.ts gives API answers, as Next frames them", async () => {
    const res = await fetch(`${base}/api/things/special`);
    // Read whole: the handler's "gzip" and length went nowhere (else the body would not decode).
    expect(await res.json()).toEqual({ special: true });
    expect(res.headers.get("content-security-policy")).toBe(API_POLICY);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const https = await fetch(`${base}/api/things/special`, {
      headers: { "x-forwarded-proto": "https" },
    });
    expect(https.headers.get("strict-transport-security")).toBe(HSTS);
  });

  it("compresses a large JSON answer whole, framed by its length", async () => {
    const res = await fetch(`${base}/api/many`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const wire = Number(res.headers.get("content-length"));
    expect(wire).toBeGreaterThan(0);
    expect(wire).toBeLessThan(
      JSON.stringify({ items: Array.from({ length: 400 }, (_, i) => ({ i })) }).length,
    );
    expect(res.headers.get("transfer-encoding")).toBeNull();
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(400);
  });

  it("leaves changes, HEAD, unmarked handlers, unknown paths and pages to Next", async () => {
    passedOn.length = 0;
    const asks: [string, string][] = [
      ["POST", "/api/changes"],
      ["GET", "/api/changes"],
      ["HEAD", "/api/things/special"],
      ["GET", "/api/plain"],
      ["GET", "/api/things/special/"],
      ["GET", "/api/unknown"],
      ["GET", "/approvals"],
    ];
    for (const [method, p] of asks) {
      const res = await fetch(`${base}${p}`, { method });
      expect(res.status, `${method} ${p}`).toBe(418);
    }
    expect(passedOn).toEqual(asks.map(([m, p]) => `${m} ${p}`));
  });

  it("streams an answer as it comes, and aborts the request when the client leaves", async () => {
    const aborter = new AbortController();
    const res = await fetch(`${base}/api/live`, { signal: aborter.signal });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("data: 2")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toBe("data: 0\n\ndata: 1\n\ndata: 2\n\n");
    aborter.abort();
    await expect.poll(() => (globalThis as { __liveAborted?: boolean }).__liveAborted).toBe(true);
  });

  it("reads nothing when the build's routes cannot be read: everything goes to Next", () => {
    expect(apiReads(path.join(root, "missing"))).toBeUndefined();
  });
});
