import { randomBytes } from "node:crypto";
import { createServer, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, constants, createBrotliDecompress, createGunzip } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROTLI_QUALITY, responseCompression } from "./response-compression";

/** A stylesheet-like text of 40 kB (as this build's) that does not compress away by itself. */
const STYLE = Array.from(
  { length: 1300 },
  () => `.c-${randomBytes(6).toString("hex")}{margin:${randomBytes(2).readUInt16BE()}px}`,
).join("\n");
/** A page as Next sends it: the stylesheet inline, then twice more in the RSC payload. */
const PAGE = `<style>${STYLE}</style><main>…</main><script>${JSON.stringify(STYLE)}</script><script>${JSON.stringify(STYLE)}</script>`;

let server: Server;
let port: number;
/** Lets a streamed answer go on once the test has read its first part. */
let releaseRest: () => void = () => {};

const routes: Record<string, (res: ServerResponse) => void> = {
  "/page": (res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(PAGE);
  },
  "/streamed": (res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.write(`<p>first ${"x".repeat(2000)}</p>`);
    (res as ServerResponse & { flush(): void }).flush();
    new Promise<void>((r) => {
      releaseRest = r;
    }).then(() => res.end("<p>rest</p>"));
  },
  "/download": (res) => {
    res.setHeader("content-type", "text/csv");
    res.setHeader("cache-control", "private, no-store, no-transform");
    res.end("a,b\n".repeat(2000));
  },
  "/small": (res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ok: true }));
  },
};

beforeAll(async () => {
  const compress = responseCompression();
  server = createServer((req, res) => compress(req, res, () => routes[req.url!]!(res)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
});

/** The raw answer, as its encoded bytes and as decoded text, read as it arrives. */
function get(path: string, acceptEncoding: string, onText?: (text: string) => void) {
  return new Promise<{ encoding?: string; wire: number; text: string }>((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path, headers: { "accept-encoding": acceptEncoding } },
      (res) => {
        const encoding = res.headers["content-encoding"];
        let wire = 0;
        res.on("data", (c: Buffer) => {
          wire += c.length;
        });
        const decoded =
          encoding === "br"
            ? res.pipe(createBrotliDecompress())
            : encoding === "gzip"
              ? res.pipe(createGunzip())
              : res;
        let text = "";
        decoded.on("data", (c: Buffer) => {
          text += c.toString();
          onText?.(text);
        });
        decoded.on("end", () => resolve({ encoding, wire, text }));
        decoded.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("responseCompression", () => {
  it("sends a page in brotli, its repeated stylesheet for next to nothing, where gzip pays for every copy", async () => {
    const br = await get("/page", "gzip, deflate, br, zstd");
    const gzip = await get("/page", "gzip, deflate");
    expect(br.encoding).toBe("br");
    expect(gzip.encoding).toBe("gzip");
    expect(br.text).toBe(PAGE);
    expect(gzip.text).toBe(PAGE);
    const styleAlone = brotliCompressSync(STYLE, {
      params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY },
    }).length;
    // Three copies cost brotli little more than one; gzip about three times one.
    expect(br.wire).toBeLessThan(styleAlone * 1.5);
    expect(gzip.wire).toBeGreaterThan(br.wire * 2);
  });

  it("passes a streamed page's flushed part on before the rest is written", async () => {
    let sawFirst = false;
    const res = await get("/streamed", "br", (text) => {
      if (!sawFirst && text.includes("first")) {
        sawFirst = true;
        releaseRest();
      }
    });
    expect(res.encoding).toBe("br");
    expect(res.text).toBe(`<p>first ${"x".repeat(2000)}</p><p>rest</p>`);
  });

  it("leaves no-transform answers (downloads, the live stream) and answers under 1 KiB as they are", async () => {
    const download = await get("/download", "br, gzip");
    expect(download.encoding).toBeUndefined();
    expect(download.text).toBe("a,b\n".repeat(2000));
    const small = await get("/small", "br, gzip");
    expect(small.encoding).toBeUndefined();
    expect(small.text).toBe('{"ok":true}');
  });
});
