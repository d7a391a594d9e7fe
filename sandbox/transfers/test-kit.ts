/**
 * What the transfer-request tests share: a sandbox pinned to a business-day morning (Monday
 * 2026-11-30, 08:00 New York, before the 14:30Z run), tokens for every seeded role of Harborline
 * Treasury, payees written straight into the table, and a create call paced to Jiko's one a second.
 */

import { randomUUID } from "node:crypto";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";
import { Pocket } from "../../lib/jiko/pockets";
import { tokenFor } from "../api/pockets-test-kit";
import { auditLog, counterparties, transferRequests } from "../db/schema";
import { SEED, SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { ALL_TEST_SCOPES, registerTestClient, type TestClient } from "../testing/oauth-client";

export const MONDAY = new Date("2026-11-30T13:00:00Z");
export const P = SEED_POCKETS;
const EMAIL = {
  avery: "avery.chen@harborline.example",
  jordan: "jordan.patel@harborline.example",
  sam: "sam.rivera@harborline.example",
  morgan: "morgan.lee@harborline.example",
};
export type Who = keyof typeof EMAIL;

export let sb: Sandbox;
let client: TestClient;
const tokens = {} as Record<Who, string>;
const lastCreate = new Map<Who, number>();

export function withTransferSandbox(now: () => Date = () => MONDAY) {
  beforeAll(async () => {
    sb = await startSandbox({ apiPort: 0, portalPort: 0, now });
    // These tests make their own requests: the seed's would hold part of every balance.
    await sb.db.delete(transferRequests);
    await sb.db.delete(auditLog).where(like(auditLog.action, "transfer_request.%"));
    client = await registerTestClient(sb.portalUrl, {
      scope: `${ALL_TEST_SCOPES} transfers.write`,
    });
    for (const k of Object.keys(EMAIL) as Who[]) tokens[k] = await tokenFor(sb, client, EMAIL[k]);
  }, 60_000);
  afterAll(() => sb?.close());
}

export async function call(who: Who | string, method: string, path: string, body?: unknown) {
  const token = who in tokens ? tokens[who as Who] : who;
  const res = await fetch(`${sb.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  return { status: res.status, json, headers: res.headers };
}

/**
 * POST a transfer request, waiting out the one-a-second limit of the caller first, and once more
 * on a 429 (on a busy machine two paced requests can still reach the server less than 1 s apart).
 */
export async function create(who: Who, body: unknown) {
  for (let attempt = 0; ; attempt++) {
    const wait = (lastCreate.get(who) ?? 0) + 1_050 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lastCreate.set(who, Date.now());
    const res = await call(who, "POST", "/api/v1/transfer-requests/", body);
    if (res.status !== 429 || attempt >= 3) return res;
  }
}

export const decide = (who: Who, id: string, status: "APPROVED" | "DENIED", reason?: string) =>
  call(who, "PATCH", `/api/v1/transfer-requests/${id}/status/`, { status, reason });

/** A payee of Harborline Logistics written into the table (the payee routes are not needed). */
export async function payee(
  type: "wire" | "international_wire" | "on_us" | "ach",
  name: string,
  o: { status?: string; verifiesAt?: Date | null } = {},
) {
  const [row] = await sb.db
    .insert(counterparties)
    .values({
      customerId: SEED.customers.us,
      type,
      name,
      status: o.status ?? "VERIFIED",
      verificationMethod: "pre_verified",
      details: {},
      createdAt: new Date("2026-11-01T12:00:00Z"),
      updatedAt: new Date("2026-11-01T12:00:00Z"),
      verifiesAt: o.verifiesAt ?? null,
    })
    .returning();
  return row!.id;
}

export const wireTo = (
  counterparty_id: string,
  amount: number | "FULL",
  origin = P.operating,
  extra: Record<string, unknown> = {},
) => ({
  transfer: {
    id: randomUUID(),
    type: "WIRE",
    origin_pocket_id: origin,
    counterparty_id,
    amount:
      amount === "FULL"
        ? { type: "FULL_WITHDRAWAL" }
        : { type: "REQUESTED_AMOUNT", amount_usdc: amount },
    description: "Invoice 4411",
    ...extra,
  },
  reviewers: [] as string[],
});

export const reallocate = (from: string, to: string, amount: number) => ({
  transfer: {
    id: randomUUID(),
    type: "ON_US",
    origin_pocket_id: from,
    amount: { type: "REQUESTED_AMOUNT", amount_usdc: amount },
    details: { type: "INTERNAL_REALLOCATION", destination_pocket_id: to },
  },
  reviewers: [] as string[],
});

export async function pocketValue(id: string) {
  const res = await call("avery", "GET", `/api/v2/pockets/${id}/`);
  expect(res.status).toBe(200);
  return Pocket.parse(res.json).portfolio!;
}
