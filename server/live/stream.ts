import "server-only";
import { log } from "../log";
import { subscribe } from "./bus";
import { eventsAfter, type StoredEvent } from "./events-store";

/** The browser reconnects this long after a drop (EventSource's `retry`). */
export const RECONNECT_MS = 1_000;
const HEARTBEAT_MS = 15_000;
/**
 * A stream ends after this long and the browser reconnects at once: the session is checked
 * again on every reconnect, so a signed-out or deactivated person stops hearing within minutes.
 */
export const MAX_STREAM_MS = 5 * 60_000;

/** What a page hears of an event: its kind and the ids of what changed, nothing more. */
export interface LiveMessage {
  type: string;
  at: string;
  payload: Record<string, unknown>;
}

const encoder = new TextEncoder();

export function frame(e: StoredEvent): string {
  const message: LiveMessage = { type: e.eventType, at: e.occurredAt, payload: e.payload };
  return `id: ${e.seq}\nevent: jiko\ndata: ${JSON.stringify(message)}\n\n`;
}

/**
 * Server-sent events for one customer's open page: first what it missed after `afterSeq` (a
 * reconnect's Last-Event-ID), then each event as it is published. Events arriving while the
 * backlog is read are held and sent after it, each seq once.
 */
export function liveStream(opts: {
  customerId: string;
  afterSeq: number;
  signal: AbortSignal;
  hello: Record<string, unknown>;
  onClose?: () => void;
  maxMs?: number;
}): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const sent = new Set<number>();
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const send = (e: StoredEvent) => {
        if (sent.has(e.seq) || e.seq <= opts.afterSeq) return;
        sent.add(e.seq);
        if (sent.size > 5_000) sent.clear();
        write(frame(e));
      };
      let backlogDone = false;
      const held: StoredEvent[] = [];
      const unsubscribe = await subscribe(opts.customerId, (e) =>
        backlogDone ? send(e) : held.push(e),
      );
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS);
      const lifetime = setTimeout(() => close(), opts.maxMs ?? MAX_STREAM_MS);
      function close() {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        unsubscribe();
        opts.onClose?.();
        try {
          controller.close();
        } catch {
          // Already closed by the browser going away.
        }
      }
      cleanup = close;
      opts.signal.addEventListener("abort", close);

      write(`retry: ${RECONNECT_MS}\nevent: ready\ndata: ${JSON.stringify(opts.hello)}\n\n`);
      try {
        if (opts.afterSeq > 0)
          for (const e of await eventsAfter(opts.customerId, opts.afterSeq)) send(e);
      } catch (error) {
        log.warn({ err: error }, "live updates: backlog not readable");
      }
      backlogDone = true;
      for (const e of held.splice(0)) send(e);
    },
    cancel() {
      cleanup();
    },
  });
}
