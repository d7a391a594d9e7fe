import { createHash } from "node:crypto";
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { BASELINE_HEADERS } from "../../server/security-headers";

/**
 * The build's scripts and styles (`.next/static`, every name hashed, so never changed in place),
 * compressed once after the build and served as they are. Compressed per request instead (as
 * Next's own server gzips them, and as scripts/serve.ts compresses any answer not listed here), a
 * cold load costs the server a compression pass over some 700 kB of script. Compressed once,
 * brotli can take its highest quality, too slow per request: about 13% smaller than gzip on this
 * build's scripts.
 */

export type Encoding = "br" | "gzip";

const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/** Below this, compressing saves too little to matter (Next's own threshold, 1 KiB). */
const MIN_BYTES = 1024;
const SUFFIX: Record<Encoding, string> = { br: ".br", gzip: ".gz" };
export const URL_PREFIX = "/_next/static/";

const compressors: Record<Encoding, (raw: Buffer) => Promise<Buffer>> = {
  br: (raw) =>
    promisify(brotliCompress)(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
  gzip: (raw) => promisify(gzip)(raw, { level: 9 }),
};

interface SourceFile {
  /** Path relative to the static folder. */
  rel: string;
  size: number;
  mtimeMs: number;
}

/** Every compressible file under `dir`, with the size and time read once. */
function compressibleFiles(dir: string, under = ""): SourceFile[] {
  if (!existsSync(dir)) return [];
  const files: SourceFile[] = [];
  for (const entry of readdirSync(path.join(dir, under), { withFileTypes: true })) {
    const rel = path.join(under, entry.name);
    if (entry.isDirectory()) files.push(...compressibleFiles(dir, rel));
    else if (TYPES[path.extname(entry.name)]) {
      const { size, mtimeMs } = statSync(path.join(dir, rel));
      if (size >= MIN_BYTES) files.push({ rel, size, mtimeMs });
    }
  }
  return files;
}

/** The file's compressed copy in `encoding`, when there is one no older than the file. */
function freshCopy(dir: string, source: SourceFile, encoding: Encoding): string | undefined {
  const out = path.join(dir, source.rel) + SUFFIX[encoding];
  return existsSync(out) && statSync(out).mtimeMs >= source.mtimeMs ? out : undefined;
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the build's static folder
 * that lacks one newer than itself (so a second start costs a few stats). Each is written under a
 * temporary name and renamed: instances starting together on one build never read half a file.
 * Compressions run on libuv's thread pool, a few at a time. Returns how many files were written.
 */
export async function precompressAssets(dir: string): Promise<number> {
  const jobs: { file: string; encoding: Encoding }[] = [];
  for (const source of compressibleFiles(dir)) {
    for (const encoding of ["br", "gzip"] as const) {
      if (!freshCopy(dir, source, encoding))
        jobs.push({ file: path.join(dir, source.rel), encoding });
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { file, encoding } = jobs[next++]!;
      const packed = await compressors[encoding](readFileSync(file));
      const out = file + SUFFIX[encoding];
      const temporary = `${out}.${process.pid}.tmp`;
      writeFileSync(temporary, packed);
      renameSync(temporary, out);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return jobs.length;
}

interface Asset {
  type: string;
  /** Each encoding's bytes and its ETag; an encoding that saved nothing is left out. */
  bodies: Partial<Record<Encoding, { bytes: Buffer; etag: string }>>;
}

export type AssetIndex = ReadonlyMap<string, Asset>;

/**
 * The precompressed files in memory, by URL path (about 1.2 MB for this build's two encodings).
 * Only files with an up-to-date compressed copy are listed; anything else is compressed as it is
 * sent, like any other answer.
 */
export function loadAssets(dir: string): AssetIndex {
  const index = new Map<string, Asset>();
  for (const source of compressibleFiles(dir)) {
    const { rel, size } = source;
    const bodies: Asset["bodies"] = {};
    for (const encoding of ["br", "gzip"] as const) {
      const out = freshCopy(dir, source, encoding);
      if (!out) continue;
      const bytes = readFileSync(out);
      if (bytes.length >= size) continue;
      const hash = createHash("sha256").update(bytes).digest("base64url").slice(0, 22);
      bodies[encoding] = { bytes, etag: `"${hash}"` };
    }
    if (bodies.br || bodies.gzip) {
      const url = URL_PREFIX + rel.split(path.sep).join("/");
      index.set(url, { type: TYPES[path.extname(rel)]!, bodies });
    }
  }
  return index;
}

/** The q-value a request's Accept-Encoding gives each coding (RFC 9110 §12.5.3), `*` included. */
function acceptedQualities(header: string): Map<string, number> {
  const qualities = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const [key, value] = p.trim().split("=");
      if (key === "q") q = Number(value);
    }
    if (!Number.isNaN(q)) qualities.set(name, q);
  }
  return qualities;
}

/**
 * The encoding to send among those `available`: the one the request rates highest, brotli on a
 * tie; undefined when it accepts neither.
 */
export function chooseEncoding(
  header: string | undefined,
  available: readonly Encoding[],
): Encoding | undefined {
  if (!header) return undefined;
  const qualities = acceptedQualities(header);
  const star = qualities.get("*") ?? 0;
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const encoding of available) {
    const q =
      qualities.get(encoding) ??
      (encoding === "gzip" ? qualities.get("x-gzip") : undefined) ??
      star;
    if (q > bestQ) {
      best = encoding;
      bestQ = q;
    }
  }
  return best;
}

/** A year and never revalidated: the file's name changes whenever its content does. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Answers a GET or HEAD for a listed asset in an encoding the browser accepts, with the headers
 * Next gives the same file plus Content-Encoding and Vary. Returns false, having written nothing,
 * for anything else (another path, another method, no accepted encoding, a range), which the
 * server then passes to Next.
 */
export function servePrecompressed(
  index: AssetIndex,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (!req.url?.startsWith(URL_PREFIX) || req.headers.range) return false;
  const asset = index.get(req.url.split("?")[0]!);
  if (!asset) return false;
  const encoding = chooseEncoding(
    req.headers["accept-encoding"],
    (["br", "gzip"] as const).filter((e) => asset.bodies[e]),
  );
  if (!encoding) return false;
  const body = asset.bodies[encoding]!;
  for (const { key, value } of BASELINE_HEADERS) res.setHeader(key, value);
  res.setHeader("Content-Type", asset.type);
  res.setHeader("Content-Encoding", encoding);
  res.setHeader("Vary", "Accept-Encoding");
  res.setHeader("Cache-Control", IMMUTABLE);
  res.setHeader("ETag", body.etag);
  if (req.headers["if-none-match"]?.split(",").some((t) => t.trim() === body.etag)) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.setHeader("Content-Length", body.bytes.length);
  res.end(req.method === "HEAD" ? undefined : body.bytes);
  return true;
}
