/**
 * What the events tests share: a sandbox whose clock runs from a business-day morning (Monday
 * 2026-11-30, 08:00 New York), tokens with the event and notification scopes, and a local
 * receiver that records each delivery's raw body, headers and arrival time, answering per path.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { like } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { tokenFor } from "../api/pockets-test-kit";
import { auditLog, transferRequests } from "../db/schema";
import { type Sandbox, startSandbox } from "../server";
import { ALL_TEST_SCOPES, registerTestClient } from "../testing/oauth-client";

const MONDAY = new Date("2026-11-30T13:00:00Z").getTime();
const EMAIL = {
  avery: "avery.chen@harborline.example",
  jordan: "jordan.patel@harborline.example",
  sam: "sam.rivera@harborline.example",
};
export type Who = keyof typeof EMAIL;

export interface Received {
  path: string;
  raw: Buffer;
  headers: Record<string, string | string[] | undefined>;
  at: number;
}

export const SLOW_RECEIVER_MS = 800;

export const kit = {
  sb: undefined as unknown as Sandbox,
  receiver: "",
  received: [] as Received[],
  tokens: {} as Record<Who, string>,
};
let server: Server;

export function withEventsSandbox() {
  beforeAll(async () => {
    const t0 = Date.now();
    kit.sb = await startSandbox({
      apiPort: 0,
      portalPort: 0,
      now: () => new Date(MONDAY + Date.now() - t0),
    });
    // Fresh balances for the transfer requests these tests make.
    await kit.sb.db.delete(transferRequests);
    await kit.sb.db.delete(auditLog).where(like(auditLog.action, "transfer_request.%"));
    const client = await registerTestClient(kit.sb.portalUrl, {
      scope: `${ALL_TEST_SCOPES} transfers.write subscriptions.read subscriptions.write notifications.read notifications.write`,
    });
    for (const k of Object.keys(EMAIL) as Who[]) {
      kit.tokens[k] = await tokenFor(kit.sb, client, EMAIL[k]);
    }
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const path = req.url ?? "/";
        kit.received.push({
          path,
          raw: Buffer.concat(chunks),
          headers: req.headers,
          at: Date.now(),
        });
        const code = Number(/\/(\d{3})$/.exec(path)?.[1] ?? 202);
        // A receiver slow to answer: /slow/… answers after SLOW_RECEIVER_MS.
        setTimeout(
          () => {
            res.writeHead(code, { "content-type": "text/plain" });
            res.end(code < 300 ? "accepted" : "nope");
          },
          path.startsWith("/slow/") ? SLOW_RECEIVER_MS : 0,
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    kit.receiver = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await kit.sb?.close();
    await new Promise((r) => server?.close(r));
  });
}

export async function call(who: Who, method: string, path: string, body?: unknown) {
  const res = await fetch(`${kit.sb.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${kit.tokens[who]}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` is true (polling), or fails after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 5_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(25);
  }
}

export const arrivals = (path: string) => kit.received.filter((r) => r.path === path);

/** A subscription of the US customer (Avery, ADMIN) to a receiver path. */
export async function subscribe(
  path: string,
  events: string[],
  extra: Record<string, unknown> = {},
) {
  const res = await call("avery", "POST", "/api/v1/subscriptions/", {
    url: `${kit.receiver}${path}`,
    events,
    shared_secret: "s3cret-for-tests-0001",
    ...extra,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.json));
  return res.json as { id: string };
}
