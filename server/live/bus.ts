import "server-only";
import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { db } from "../db";
import { env } from "../env";
import { log } from "../log";
import { eventBySeq, type StoredEvent } from "./events-store";

/**
 * Fans stored Jiko events out to the open pages of every app instance. On PGlite there is one
 * instance: an in-process emitter. On PostgreSQL each instance LISTENs on one channel with a
 * connection of its own; a publisher NOTIFYs the event's seq, and every instance (itself
 * included) reads the row and passes it to its own pages, so a webhook taken by one instance
 * reaches a page served by another.
 */
const CHANNEL = "td_jiko_events";
/** Sessions this instance ended or gave new tokens: the others drop what they remember of them. */
const SESSIONS_CHANNEL = "td_sessions_changed";
const SESSION_CHANGED = "session-changed";

interface Bus {
  local: EventEmitter;
  listener?: Promise<Client | null>;
}

const holder = globalThis as unknown as { __tdLiveBus?: Bus };
function bus(): Bus {
  if (!holder.__tdLiveBus) {
    const local = new EventEmitter();
    local.setMaxListeners(0);
    holder.__tdLiveBus = { local };
  }
  return holder.__tdLiveBus;
}

const topic = (customerId: string) => `customer:${customerId}`;
/** Every customer's events, for what each instance keeps per customer (cached viewers). */
const ALL = "customer:*";

function emitLocally(b: Bus, event: StoredEvent) {
  b.local.emit(topic(event.customerId), event);
  b.local.emit(ALL, event);
}

/** Makes a stored event known to every instance's open pages. */
export async function publish(event: StoredEvent): Promise<void> {
  const url = env().DATABASE_URL;
  if (!url) {
    emitLocally(bus(), event);
    return;
  }
  await ensureListening(url);
  await db().execute(`SELECT pg_notify('${CHANNEL}', '${event.seq}')`);
}

/** Calls `onEvent` for each event of the customer until the returned function is called. */
export async function subscribe(
  customerId: string,
  onEvent: (e: StoredEvent) => void,
): Promise<() => void> {
  const url = env().DATABASE_URL;
  if (url) await ensureListening(url);
  const b = bus();
  b.local.on(topic(customerId), onEvent);
  return () => b.local.off(topic(customerId), onEvent);
}

/**
 * Calls `onEvent` for each event of every customer until the returned function is called; on
 * PostgreSQL this instance LISTENs too, so events taken by another instance reach it.
 */
export async function subscribeAll(onEvent: (e: StoredEvent) => void): Promise<() => void> {
  const url = env().DATABASE_URL;
  if (url) await ensureListening(url);
  const b = bus();
  b.local.on(ALL, onEvent);
  return () => b.local.off(ALL, onEvent);
}

/**
 * Tells every other instance that a session ended or changed tokens, by a fingerprint of its
 * token (never the token itself). On PGlite there is no other instance: nothing to tell.
 */
export async function publishSessionChanged(fingerprint: string): Promise<void> {
  const url = env().DATABASE_URL;
  if (!url) return;
  await ensureListening(url);
  await db().execute(sql`SELECT pg_notify(${SESSIONS_CHANNEL}, ${fingerprint})`);
}

/** Calls `onChange` with the fingerprint of each session another instance changed. */
export async function subscribeSessionChanges(
  onChange: (fingerprint: string) => void,
): Promise<() => void> {
  const url = env().DATABASE_URL;
  if (url) await ensureListening(url);
  const b = bus();
  b.local.on(SESSION_CHANGED, onChange);
  return () => b.local.off(SESSION_CHANGED, onChange);
}

/** One LISTEN connection per instance, reopened after a drop (a second later). */
function ensureListening(url: string): Promise<Client | null> {
  const b = bus();
  if (!b.listener) {
    b.listener = connect(url).catch((error) => {
      log.warn({ err: error }, "live updates: could not LISTEN; retrying");
      b.listener = undefined;
      return null;
    });
  }
  return b.listener;
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  const b = bus();
  const reopen = () => {
    b.listener = undefined;
    client.end().catch(() => {});
    setTimeout(() => void ensureListening(url), 1_000).unref();
  };
  client.on("error", (error) => {
    log.warn({ err: error }, "live updates: LISTEN connection lost");
    reopen();
  });
  client.on("notification", (msg) => {
    if (msg.channel === SESSIONS_CHANNEL) {
      if (msg.payload) b.local.emit(SESSION_CHANGED, msg.payload);
      return;
    }
    const seq = Number(msg.payload);
    if (msg.channel !== CHANNEL || !Number.isSafeInteger(seq)) return;
    eventBySeq(seq)
      .then((e) => e && emitLocally(b, e))
      .catch((error) => log.warn({ err: error, seq }, "live updates: event not readable"));
  });
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  await client.query(`LISTEN ${SESSIONS_CHANNEL}`);
  return client;
}
