/**
 * Starts the sandbox in this process: one database, the portal (OIDC) on one origin and the
 * Customer API on another, like Jiko's two hosts. Used by main.ts and by tests (in-memory
 * database, random ports).
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { ACCESS_TOKEN_TTL_SECONDS } from "../lib/jiko/oauth";
import { apiApp } from "./api/app";
import { Faults } from "./api/faults";
import { type DbHandle, openDb, type SandboxDb } from "./db/open";
import { startDeliveryWorker } from "./events/delivery";
import { withoutEvents } from "./events/store";
import { sweepDue } from "./events/sweep";
import { RateLimiter, type RateLimitOverrides } from "./http/rate-limit";
import { SandboxClock } from "./ledger/clock";
import type { SeedSize } from "./ledger/seed-history";
import { createLogger, type Logger } from "./log";
import { sweepExpired } from "./portal/adapter";
import { portalKeys } from "./portal/keys";
import { createProvider, type ProviderSettings } from "./portal/provider";
import { portalHandler } from "./portal/server";
import { isSeeded, seed } from "./seed";

export interface SandboxOptions {
  /** undefined = in-memory PGlite (tests). */
  dataDir?: string;
  host?: string;
  /** 0 = a random free port. */
  apiPort?: number;
  portalPort?: number;
  /** Seconds; default Jiko's 900. */
  accessTokenTtl?: number;
  /** Every seeded person's password. */
  password?: string;
  /** Wipe the data folder and reseed. */
  reset?: boolean;
  /** Everyday activity a fresh seed books ("large": about a million transactions). */
  seedSize?: SeedSize;
  /** Lower Jiko's per-minute limits (tests). */
  rateLimits?: RateLimitOverrides;
  logLevel?: string;
  logger?: Logger;
  /** The wall clock the sandbox clock counts from (tests may pin it). */
  now?: () => Date;
}

export interface Sandbox {
  apiUrl: string;
  portalUrl: string;
  /** Live settings: changing accessTokenTtl affects the next token issued. */
  settings: ProviderSettings;
  /** The sandbox's database, for tests that need to change state no route changes yet. */
  db: SandboxDb;
  /** The sandbox clock (today, advance) and the T-bill engine's catch-up. */
  clock: SandboxClock;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** `http://[::1]:4011` for IPv6 hosts, `http://127.0.0.1:4011` otherwise. */
const origin = (host: string, port: number) =>
  `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

/** Until the database is open, both origins answer 503 (start-up takes a second or two). */
const notReady: RequestListener = (_req, res) => {
  res.writeHead(503, { "Content-Type": "application/json", "Retry-After": "1" });
  res.end(JSON.stringify({ detail: "Service Unavailable" }));
};

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = opts.host ?? "127.0.0.1";
  const log = opts.logger ?? createLogger(opts.logLevel ?? "warn");
  let portalListener: RequestListener = notReady;
  let apiListener: RequestListener = notReady;
  const portalServer = createServer((req, res) => portalListener(req, res));
  const apiServer = createServer((req, res) => apiListener(req, res));
  const servers = [portalServer, apiServer];
  // Keep idle connections longer than any HTTP client does (undici: 4 s), so a client never
  // reuses a socket the server is closing; a busy event loop (PGlite, tests) made that race real.
  for (const server of servers) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  let handle: DbHandle | undefined;
  try {
    // Ports first: a second sandbox fails here, before it opens (or --reset wipes) any data.
    // The issuer is the portal's real origin, known only once it listens (port 0 = random).
    const portalUrl = origin(host, await listen(portalServer, opts.portalPort ?? 4011, host));
    const apiUrl = origin(host, await listen(apiServer, opts.apiPort ?? 4010, host));

    handle = await openDb(opts.dataDir, opts.reset);
    const { db } = handle;
    const fresh = !(await isSeeded(db));
    if (fresh) {
      // The seed's history is not news: nothing it writes is emitted or notified.
      await withoutEvents(() =>
        seed(db, opts.password ?? "jiko-sandbox", opts.now?.() ?? new Date(), opts.seedSize),
      );
    }
    // PGlite runs no autovacuum: without statistics the planner misjudges big tables (a million
    // transactions) and sorts them for every page. ANALYZE samples them (about a second).
    await db.execute(sql`analyze`);
    // The engine catches up on the days since it last ran (a restart on a later day).
    const clock = new SandboxClock(db, opts.now);
    await clock.catchUp();
    // What the seed left due already (expired requests, verified payees) is history too.
    if (fresh) await withoutEvents(() => sweepDue(db, clock));
    await sweepExpired(db);
    const keys = await portalKeys(db);

    const settings: ProviderSettings = {
      accessTokenTtl: opts.accessTokenTtl ?? ACCESS_TOKEN_TTL_SECONDS,
    };
    const provider = createProvider({ issuer: portalUrl, db, keys, settings, log });
    const limiter = new RateLimiter(opts.rateLimits);
    const faults = new Faults();
    portalListener = portalHandler({ provider, db, limiter, log });
    const api = apiApp({ provider, portalUrl, db, clock, limiter, faults, log });
    apiListener = getRequestListener(api.fetch, { overrideGlobalObjects: false });
    // Webhook deliveries, and the events that become due as the sandbox clock runs (at most
    // one sweep a second: the poll for due deliveries is faster).
    let swept = 0;
    const worker = startDeliveryWorker({
      db,
      log,
      sweep: async () => {
        if (Date.now() - swept < 1_000) return;
        swept = Date.now();
        await sweepDue(db, clock);
      },
    });

    const opened = handle;
    let closing: Promise<void> | undefined;
    return {
      apiUrl,
      portalUrl,
      settings,
      db,
      clock,
      close() {
        closing ??= (async () => {
          await Promise.all(servers.map(closeServer));
          await worker.stop();
          await opened.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    await Promise.all(servers.filter((s) => s.listening).map(closeServer));
    await handle?.close();
    throw err;
  }
}
