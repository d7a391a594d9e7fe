import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AssetIndex,
  chooseEncoding,
  loadAssets,
  precompressAssets,
  servePrecompressed,
} from "./precompressed-assets";

/** A script that compresses well, as a bundle does. */
const SCRIPT = Buffer.from(
  Array.from({ length: 400 }, (_, i) => `export const value${i} = "a label ${i % 7}";`).join("\n"),
);
const STYLE = Buffer.from(".card{color:red}\n".repeat(200));

let dir: string;
let server: Server;
let port: number;
/** What the server did with each request it was handed: served, or passed on to Next. */
let passedOn: string[];

function build() {
  dir = mkdtempSync(path.join(tmpdir(), "td-assets-"));
  mkdirSync(path.join(dir, "chunks"));
  mkdirSync(path.join(dir, "media"));
  writeFileSync(path.join(dir, "chunks", "page-1a2b.js"), SCRIPT);
  writeFileSync(path.join(dir, "chunks", "tiny.js"), "export {};");
  writeFileSync(path.join(dir, "chunks", "layout.css"), STYLE);
  writeFileSync(path.join(dir, "media", "font.woff2"), Buffer.alloc(4096, 7));
}

function listen(index: AssetIndex): Promise<void> {
  passedOn = [];
  server = createServer((req, res) => {
    if (servePrecompressed(index, req, res)) return;
    passedOn.push(req.url ?? "");
    res.statusCode = 299;
    res.end("next");
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      port = (server.address() as AddressInfo).port;
      resolve();
    }),
  );
}

/**
 * A raw request: fetch would decode the body, and a URL would resolve the path's dot segments
 * before a server could see them.
 */
function get(url: string, headers: Record<string, string>, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: url, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on("error", reject);
      req.end();
    },
  );
}

beforeAll(async () => {
  build();
  expect(await precompressAssets(dir)).toBe(4);
  await listen(loadAssets(dir));
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("precompressAssets", () => {
  it("writes brotli and gzip copies of scripts and styles of 1 KiB and more, nothing else", async () => {
    for (const name of ["chunks/page-1a2b.js", "chunks/layout.css"]) {
      expect(statSync(path.join(dir, `${name}.br`)).size).toBeGreaterThan(0);
      expect(statSync(path.join(dir, `${name}.gz`)).size).toBeGreaterThan(0);
    }
    expect(() => statSync(path.join(dir, "chunks", "tiny.js.br"))).toThrow();
    expect(() => statSync(path.join(dir, "media", "font.woff2.br"))).toThrow();
  });

  it("leaves up-to-date copies alone and redoes a copy older than its file", async () => {
    expect(await precompressAssets(dir)).toBe(0);
    const script = path.join(dir, "chunks", "page-1a2b.js");
    const later = new Date(Date.now() + 60_000);
    utimesSync(script, later, later);
    expect(await precompressAssets(dir)).toBe(2);
  });
});

describe("servePrecompressed", () => {
  it("sends brotli to a browser that takes it, byte for byte the file, cached for good", async () => {
    const res = await get("/_next/static/chunks/page-1a2b.js", {
      "accept-encoding": "gzip, deflate, br, zstd",
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(res.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(res.body).equals(SCRIPT)).toBe(true);
  });

  it("sends gzip to a browser without brotli, and to one that refuses it", async () => {
    for (const accept of ["gzip, deflate", "br;q=0, gzip", "gzip;q=1, br;q=0.5"]) {
      const res = await get("/_next/static/chunks/layout.css", { "accept-encoding": accept });
      expect(res.headers["content-encoding"], accept).toBe("gzip");
      expect(res.headers["content-type"]).toBe("text/css; charset=utf-8");
      expect(gunzipSync(res.body).equals(STYLE)).toBe(true);
    }
  });

  it("answers a HEAD with the headers only, and a matching ETag with 304", async () => {
    const accept = { "accept-encoding": "br" };
    const head = await get("/_next/static/chunks/page-1a2b.js", accept, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const etag = String(head.headers.etag);
    const again = await get("/_next/static/chunks/page-1a2b.js", {
      ...accept,
      "if-none-match": etag,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("passes everything else on to Next untouched", async () => {
    const cases: [string, Record<string, string>, string?][] = [
      ["/_next/static/chunks/page-1a2b.js", {}],
      ["/_next/static/chunks/page-1a2b.js", { "accept-encoding": "identity" }],
      ["/_next/static/chunks/page-1a2b.js", { "accept-encoding": "br", range: "bytes=0-9" }],
      ["/_next/static/chunks/page-1a2b.js", { "accept-encoding": "br" }, "POST"],
      ["/_next/static/chunks/tiny.js", { "accept-encoding": "br" }],
      ["/_next/static/media/font.woff2", { "accept-encoding": "br" }],
      ["/_next/static/chunks/../../package.json", { "accept-encoding": "br" }],
      ["/transactions", { "accept-encoding": "br" }],
    ];
    for (const [url, headers, method] of cases) {
      const res = await get(url, headers, method);
      expect(res.status, `${method ?? "GET"} ${url} ${JSON.stringify(headers)}`).toBe(299);
      expect(res.headers["content-encoding"]).toBeUndefined();
    }
    expect(passedOn).toHaveLength(cases.length);
  });
});

describe("chooseEncoding", () => {
  const both = ["br", "gzip"] as const;
  it("takes the coding rated highest, brotli on a tie, and none without a header", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd", both)).toBe("br");
    expect(chooseEncoding("gzip;q=0.9, br;q=0.8", both)).toBe("gzip");
    expect(chooseEncoding("*", both)).toBe("br");
    expect(chooseEncoding("*, br;q=0", both)).toBe("gzip");
    expect(chooseEncoding("x-gzip", both)).toBe("gzip");
    expect(chooseEncoding("deflate", both)).toBeUndefined();
    expect(chooseEncoding("br", ["gzip"])).toBeUndefined();
    expect(chooseEncoding(undefined, both)).toBeUndefined();
  });
});
