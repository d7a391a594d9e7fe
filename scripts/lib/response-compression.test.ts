import { randomBytes } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import {
  brotliCompressSync,
  constants,
  createBrotliDecompress,
  createGunzip,
  createInflate,
} from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROTLI_QUALITY, compressWholeJson, responseCompression } from "./response-compression";

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

/** A page of JSON as the API sends one: 200 rows, some 20 kB. */
const JSON_PAGE = JSON.stringify({
  items: Array.from({ length: 200 }, (_, i) => ({ id: `tx_${i}`, amount: i * 137 })),
});

const routes: Record<string, (res: ServerResponse, req: IncomingMessage) => void> = {
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
  "/json-streamed": (res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON_PAGE);
  },
  "/json-whole": (res, req) => {
    res.setHeader("content-type", "application/json");
    res.end(compressWholeJson(req, res, Buffer.from(JSON_PAGE)));
  },
  "/json-whole-large": (res, req) => {
    res.setHeader("content-type", "application/json");
    res.end(compressWholeJson(req, res, Buffer.from(JSON.stringify(Array(8).fill(STYLE)))));
  },
  "/json-whole-no-transform": (res, req) => {
    res.setHeader("content-type", "application/json");
    res.setHeader("cache-control", "no-store, no-transform");
    res.end(compressWholeJson(req, res, Buffer.from(JSON_PAGE)));
  },
  "/small": (res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ok: true }));
  },
};

beforeAll(async () => {
  const compress = responseCompression();
  server = createServer((req, res) => compress(req, res, () => routes[req.url!]!(res, req)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
});

/** The raw answer, as its encoded bytes and as decoded text, read as it arrives. */
function get(path: string, acceptEncoding: string, onText?: (text: string) => void) {
  return new Promise<{
    encoding?: string;
    wire: number;
    text: string;
    headers: IncomingMessage["headers"];
  }>((resolve, reject) => {
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
              : encoding === "deflate"
                ? res.pipe(createInflate())
                : res;
        let text = "";
        decoded.on("data", (c: Buffer) => {
          text += c.toString();
          onText?.(text);
        });
        decoded.on("end", () => resolve({ encoding, wire, text, headers: res.headers }));
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

describe("compressWholeJson", () => {
  it("chooses as the middleware chooses, and sends the answer framed by its length", async () => {
    for (const acceptEncoding of [
      "br, gzip",
      "gzip, deflate, br, zstd",
      "gzip;q=1, br;q=0.5",
      "deflate",
      "*",
      "identity",
      "br;q=0, gzip;q=0",
    ]) {
      const streamed = await get("/json-streamed", acceptEncoding);
      const whole = await get("/json-whole", acceptEncoding);
      expect(whole.encoding, acceptEncoding).toBe(streamed.encoding);
      expect(whole.text).toBe(JSON_PAGE);
      // One body of known length: no chunked framing, and the length is what came.
      expect(whole.headers["transfer-encoding"]).toBeUndefined();
      expect(Number(whole.headers["content-length"])).toBe(whole.wire);
      expect(whole.headers.vary).toBe(streamed.headers.vary);
    }
    expect((await get("/json-whole", "gzip;q=1, br;q=0.5")).encoding).toBe("gzip");
    expect((await get("/json-whole", "br, gzip")).headers.vary).toBe("Accept-Encoding");
  });

  it("leaves an answer over 256 KiB to the middleware's stream, off the server's thread", async () => {
    const large = await get("/json-whole-large", "br, gzip");
    expect(large.encoding).toBe("br");
    expect(large.headers["transfer-encoding"]).toBe("chunked");
    expect(JSON.parse(large.text)).toHaveLength(8);
  });

  it("leaves a no-transform answer and one for a client that asks for nothing as they are", async () => {
    for (const [path, acceptEncoding] of [
      ["/json-whole-no-transform", "br, gzip"],
      ["/json-whole", ""],
    ] as const) {
      const res = await get(path, acceptEncoding);
      expect(res.encoding).toBeUndefined();
      expect(res.text).toBe(JSON_PAGE);
      expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(JSON_PAGE));
    }
  });
});
