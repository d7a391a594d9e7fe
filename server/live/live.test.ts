import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type DbHandle, openDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import { jikoEvents } from "../db/schema";

const APP_URL = "http://localhost:3999";
vi.mock("../env", () => ({
  env: () => ({
    APP_URL: "http://localhost:3999",
    AUTH_SECRET: "a-test-secret-a-test-secret-a-test-secret",
    AUTH_SECRET_PREVIOUS: [],
    LIVE_POLL_MS: 250,
  }),
  authSecrets: (e: { AUTH_SECRET: string }) => [e.AUTH_SECRET],
}));
let handle: DbHandle;
vi.mock("../db", () => ({ db: () => handle.db }));

const { receiveWebhook } = await import("./receive");
const { rememberSubscription, liveModeFor } = await import("./secrets");
const { signBody } = await import("./signature");
const { liveStream } = await import("./stream");
const { publish } = await import("./bus");
const { storeEvent } = await import("./events-store");
const { pollOnce } = await import("./poller");

const SECRET = "whsec-0123456789abcdef";
const customerId = randomUUID();

beforeAll(async () => {
  handle = openDb({ dataDir: "memory://" });
  await migrateDb(handle);
  await rememberSubscription({
    subscriptionId: randomUUID(),
    customerId,
    url: `${APP_URL}/api/webhooks/jiko`,
    secret: SECRET,
    enabled: true,
  });
});
afterAll(() => handle?.close());

function delivery(over: Record<string, unknown> = {}) {
  const body = JSON.stringify({
    event_id: randomUUID(),
    event_type: "transfer_requests.created",
    timestamp: new Date().toISOString(),
    payload: { transfer_request_id: randomUUID() },
    customer_id: customerId,
    ...over,
  });
  return { body, bytes: new TextEncoder().encode(body) };
}
const stored = async () => (await handle.db.select().from(jikoEvents)).length;

describe("receiving Jiko's webhooks", () => {
  it("refuses a bad or missing signature with 401 and stores nothing", async () => {
    const before = await stored();
    const d = delivery();
    expect((await receiveWebhook(d.bytes, null)).status).toBe(401);
    expect((await receiveWebhook(d.bytes, signBody(d.body, "another-secret-xxxxxx"))).status).toBe(
      401,
    );
    // Signed, then one byte changed.
    const tampered = new TextEncoder().encode(d.body.replace("created", "approved"));
    expect((await receiveWebhook(tampered, signBody(d.body, SECRET))).status).toBe(401);
    expect(await stored()).toBe(before);
  });

  it("stores a signed delivery once: a replay of the same event is acknowledged, not processed", async () => {
    const d = delivery();
    const first = await receiveWebhook(d.bytes, signBody(d.bytes, SECRET));
    const again = await receiveWebhook(d.bytes, signBody(d.bytes, SECRET));
    expect(first).toMatchObject({ status: 202, duplicate: false });
    expect(first.status === 202 && first.event?.eventType).toBe("transfer_requests.created");
    expect(again).toMatchObject({ status: 202, duplicate: true, event: null });
  });

  it("refuses a stale or future-dated delivery even when signed", async () => {
    const before = await stored();
    const old = delivery({ timestamp: new Date(Date.now() - 31 * 60_000).toISOString() });
    const ahead = delivery({ timestamp: new Date(Date.now() + 10 * 60_000).toISOString() });
    expect((await receiveWebhook(old.bytes, signBody(old.bytes, SECRET))).status).toBe(400);
    expect((await receiveWebhook(ahead.bytes, signBody(ahead.bytes, SECRET))).status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it("says webhooks reach this dashboard when a subscription to its own URL is enabled", async () => {
    expect(await liveModeFor(customerId)).toBe("webhook");
    expect(await liveModeFor(randomUUID())).toBe("polling");
  });
});

async function read(stream: ReadableStream<Uint8Array>, until: (text: string) => boolean) {
  const reader = stream.getReader();
  let text = "";
  const deadline = Date.now() + 5_000;
  while (!until(text) && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  return text;
}
const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));

describe("server-sent events", () => {
  it("resume after the last event id: what was missed first, then what comes live", async () => {
    const own = randomUUID();
    const seqs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const e = await storeEvent(
        {
          event_id: randomUUID(),
          event_type: "transactions.status_changed",
          timestamp: new Date().toISOString(),
          payload: { transaction_id: `t${i}` },
          customer_id: own,
        },
        "webhook",
      );
      seqs.push(e!.seq);
    }
    const abort = new AbortController();
    const stream = liveStream({
      customerId: own,
      afterSeq: seqs[0]!,
      signal: abort.signal,
      hello: { mode: "webhook" },
    });
    const backlog = await read(stream, (t) => ids(t).length >= 2);
    expect(backlog).toContain("retry: 1000");
    expect(ids(backlog)).toEqual([seqs[1], seqs[2]]);

    const live = await storeEvent(
      {
        event_id: randomUUID(),
        event_type: "transfer_requests.approved",
        timestamp: new Date().toISOString(),
        payload: {},
        customer_id: own,
      },
      "webhook",
    );
    // Another customer's event never reaches this stream.
    const other = await storeEvent(
      {
        event_id: randomUUID(),
        event_type: "transfer_requests.approved",
        timestamp: new Date().toISOString(),
        payload: {},
        customer_id: randomUUID(),
      },
      "webhook",
    );
    await publish(other!);
    await publish(live!);
    const next = await read(stream, (t) => ids(t).length >= 1);
    expect(ids(next)).toEqual([live!.seq]);
    expect(next).toContain('"type":"transfer_requests.approved"');
    abort.abort();
  });
});

describe("the polling fallback", () => {
  it("reads Jiko's events list from where it stopped, stores each event once and fans it out", async () => {
    const own = randomUUID();
    const events: unknown[] = [];
    const asked: string[] = [];
    const jiko = {
      events: async (q: { after?: string }) => {
        asked.push(q.after ?? "");
        return {
          prev_page: null,
          next_page: null,
          items: events,
          object_type: "CursorList" as const,
        };
      },
    };
    // The first read only marks where to start (no history import).
    expect(await pollOnce(own, jiko as never)).toBe(0);
    expect(asked).toEqual([]);
    const later = [0, 1].map((i) => ({
      event: {
        event_id: randomUUID(),
        event_type: "counterparties.verified",
        timestamp: new Date(Date.now() + 50 + i).toISOString(),
        payload: { counterparty_id: `c${i}` },
      },
      delivery_attempts: [],
    }));
    events.push(...later);
    expect(await pollOnce(own, jiko as never)).toBe(2);
    expect(await pollOnce(own, jiko as never)).toBe(0);
    expect(asked).toHaveLength(2);
    expect(new Date(asked[1]!).getTime()).toBeGreaterThan(new Date(asked[0]!).getTime());
  });
});
