/** What the pockets API tests share: calls, tokens, and the ledger read back independently. */
import { expect } from "vitest";
import { addDays } from "../../lib/jiko/business-days";
import type { Sandbox } from "../server";
import { passwordTokens, type TestClient } from "../testing/oauth-client";

/** Sunday after Thanksgiving 2026, noon in New York: the sandbox's today is 2026-11-29. */
export const SUNDAY = new Date("2026-11-29T17:00:00Z");
export const AVERY = "avery.chen@harborline.example";

export const tokenFor = async (s: Sandbox, c: TestClient, email: string, teamId?: string) =>
  (await passwordTokens({ portalUrl: s.portalUrl, client: c, email, teamId })).access_token;

export const call = (s: Sandbox, token: string, method: string, path: string, body?: unknown) =>
  fetch(`${s.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

interface EodItem {
  date: string;
  cash: number;
  securities: number;
  total: number;
}
export async function eod(s: Sandbox, id: string, from: string, to: string): Promise<EodItem[]> {
  const res = await fetch(`${s.apiUrl}/_sandbox/pockets/${id}/eod?from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: EodItem[] }).items;
}
export async function flows(s: Sandbox, id: string, from: string, to: string) {
  const res = await fetch(`${s.apiUrl}/_sandbox/pockets/${id}/flows?from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  return (
    (await res.json()) as {
      items: Array<{ date: string; kind: string; amount: number; description: string }>;
    }
  ).items;
}

/** Earnings computed independently: EOD(to) − EOD(from − 1) − net flows in [from, to]. */
export async function expectedEarnings(s: Sandbox, id: string, from: string, to: string) {
  const [before] = await eod(s, id, addDays(from, -1), addDays(from, -1));
  const [end] = await eod(s, id, to, to);
  const net = (await flows(s, id, from, to)).reduce(
    (sum, f) => sum + (f.kind === "DEPOSIT" ? f.amount : -f.amount),
    0,
  );
  return end!.total - before!.total - net;
}
