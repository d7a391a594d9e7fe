/**
 * The production server that `npm start` runs in place of `next start`: Next's own request
 * handler for pages and changes, with three differences. The build's scripts and styles are sent
 * as compressed once after the build (scripts/lib/precompressed-assets.ts); everything else is
 * compressed here, with brotli for a browser that takes it (scripts/lib/response-compression.ts),
 * where Next would gzip it; and the JSON API's reads go straight to their route handlers, without
 * Next's router (scripts/lib/api-reads.ts).
 * Run as `node --import tsx/esm scripts/serve.ts [--port 3000] [--hostname localhost]` (the port
 * defaults to PORT): only ESM imports go through tsx; Next's own modules (CommonJS) are loaded by
 * Node itself, as under `next start`.
 */
import { createServer } from "node:http";
import path from "node:path";
import { apiReads } from "./lib/api-reads";
import { loadAssets, servePrecompressed } from "./lib/precompressed-assets";
import { responseCompression } from "./lib/response-compression";

// Next reads it as its modules load, as `next start` sets it.
Object.assign(process.env, { NODE_ENV: "production" });
const { default: next } = await import("next");

const root = process.cwd();
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const port = Number(arg("--port") ?? (process.env.PORT || 3000));
// Not HOSTNAME from the environment: containers set it to their own name.
const hostname = arg("--hostname") ?? "localhost";

const app = next({ dir: root, hostname, port, dev: false });
await app.prepare();
const handle = app.getRequestHandler();
const assets = loadAssets(path.join(root, ".next", "static"));
const compress = responseCompression();
const reads = apiReads(root);

const server = createServer((req, res) => {
  if (servePrecompressed(assets, req, res)) return;
  compress(req, res, () => {
    if (reads?.handle(req, res)) return;
    handle(req, res).catch((error: unknown) => {
      console.error("request failed", error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
});
server.listen(port, hostname, () => {
  console.info(
    `Serving on http://${hostname}:${port} (${assets.size} precompressed assets; ` +
      (reads ? `${reads.routes} API routes read directly)` : "every request through Next)"),
  );
});

// SIGTERM and SIGINT end the process, as under `next start`: nothing here needs flushing.
