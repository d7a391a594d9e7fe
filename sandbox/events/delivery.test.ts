import { createHmac, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EventList, Subscription, WebhookDelivery } from "../../lib/jiko/events";
import { SEED } from "../seed";
import { DELIVERIES_IN_FLIGHT } from "./delivery";
import {
  arrivals,
  call,
  kit,
  SLOW_RECEIVER_MS,
  sleep,
  subscribe,
  until,
  withEventsSandbox,
} from "./test-kit";

withEventsSandbox();

const trigger = async (event_type = "webhooks.test", payload: Record<string, unknown> = {}) => {
  const event_id = randomUUID();
  const res = await call("avery", "POST", "/api/v1/sandbox/webhook/", {
    event_id,
    timestamp: new Date().toISOString(),
    event_type,
    payload,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
  expect(res.json).toEqual({ event_id });
  return event_id;
};

const events = async (query: string) => {
  const res = await call("avery", "GET", `/api/v1/events/?${query}`);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return EventList.parse(res.json).items;
};

const policy = (codes: number[]) => ({
  retry_on_status_codes: codes,
  backoff_coefficient: 2,
  maximum_attempts: 3,
  initial_interval_seconds: 1,
  maximum_interval_seconds: 10,
});

describe("seeding", () => {
  it("emits no events and no notifications", async () => {
    expect(await events("limit=100")).toEqual([]);
    const res = await call("avery", "GET", "/api/v1/notifications/");
    expect(res.json.items).toEqual([]);
  });
});

describe("deliveries", () => {
  it("are signed with base64 HMAC-SHA256 of the exact body under the shared secret", async () => {
    await subscribe("/signed", ["webhooks.test"]);
    const id = await trigger("webhooks.test", { pocket_id: "p-1" });
    await until(() => arrivals("/signed").length === 1);
    const got = arrivals("/signed")[0]!;
    const expected = createHmac("sha256", "s3cret-for-tests-0001").update(got.raw).digest("base64");
    expect(got.headers["x-jiko-signature"]).toBe(expected);
    expect(got.headers["content-type"]).toBe("application/json");
    const body = WebhookDelivery.parse(JSON.parse(got.raw.toString("utf8")));
    expect(body).toMatchObject({
      event_id: id,
      event_type: "webhooks.test",
      payload: { pocket_id: "p-1" },
      customer_id: SEED.customers.us,
    });
    // Real time, not the sandbox clock's.
    expect(Math.abs(Date.parse(body.timestamp) - Date.now())).toBeLessThan(10_000);
  });

  it("retries a listed status per the policy with growing intervals, and never an unlisted one", async () => {
    const retried = await subscribe("/retry/503", ["webhooks.test"], {
      retry_policy: policy([503]),
    });
    const refused = await subscribe("/once/400", ["webhooks.test"], {
      retry_policy: policy([503]),
    });
    const id = await trigger();
    await until(() => arrivals("/retry/503").length === 3, 8_000);
    await sleep(4_500); // a fourth attempt would come 4 s after the third
    const calls = arrivals("/retry/503");
    expect(calls).toHaveLength(3);
    const gap1 = calls[1]!.at - calls[0]!.at;
    const gap2 = calls[2]!.at - calls[1]!.at;
    expect(gap1).toBeGreaterThanOrEqual(950);
    expect(gap1).toBeLessThan(1_900);
    expect(gap2).toBeGreaterThanOrEqual(1_950);
    expect(gap2).toBeLessThan(2_900);
    expect(arrivals("/once/400")).toHaveLength(1);
    const [item] = (await events("limit=100")).filter((e) => e.event.event_id === id);
    const codes = (sub: string) =>
      item!.delivery_attempts.filter((a) => a.subscription_id === sub).map((a) => a.response_code);
    expect(codes(retried.id)).toEqual([503, 503, 503]);
    expect(codes(refused.id)).toEqual([400]);
    const ours = item!.delivery_attempts.filter((a) =>
      [retried.id, refused.id].includes(a.subscription_id),
    );
    expect(ours.map((a) => a.success)).toEqual([false, false, false, false]);
  }, 20_000);

  it("a receiver slow to answer does not hold the events behind it: a burst goes out together", async () => {
    const slow = await subscribe("/slow/202", ["webhooks.test"]);
    const ids: string[] = [];
    for (let i = 0; i < DELIVERIES_IN_FLIGHT; i++) ids.push(await trigger());
    await until(() => arrivals("/slow/202").length === ids.length, 5_000);
    const calls = arrivals("/slow/202");
    const spread = calls.at(-1)!.at - calls[0]!.at;
    // One at a time, each would wait for the answer before: at least 3 × SLOW_RECEIVER_MS.
    expect(spread).toBeLessThan(SLOW_RECEIVER_MS);
    const sent = calls.map((c) => WebhookDelivery.parse(JSON.parse(c.raw.toString())).event_id);
    expect(new Set(sent)).toEqual(new Set(ids));
    // Each attempt recorded once, successful, once the answers are in.
    const attemptsTo = async () =>
      (await events("limit=100"))
        .filter((e) => ids.includes(e.event.event_id))
        .map((e) => e.delivery_attempts.filter((a) => a.subscription_id === slow.id));
    await until(async () => (await attemptsTo()).flat().length === ids.length, 5_000);
    const attempts = await attemptsTo();
    expect(attempts).toHaveLength(ids.length);
    for (const mine of attempts) expect(mine.map((a) => a.success)).toEqual([true]);
  });

  it("sends nothing to a disabled subscription, queued retries included", async () => {
    const off = await subscribe("/off", ["webhooks.test"]);
    const patched = await call("avery", "PATCH", `/api/v1/subscriptions/${off.id}/`, {
      status: "disabled",
    });
    expect(patched.status).toBe(202);
    expect(Subscription.parse(patched.json).status).toBe("disabled");
    const flaky = await subscribe("/flaky/503", ["webhooks.test"], {
      retry_policy: policy([503]),
    });
    await trigger();
    await until(() => arrivals("/flaky/503").length === 1);
    await call("avery", "PATCH", `/api/v1/subscriptions/${flaky.id}/`, { status: "disabled" });
    await sleep(1_800);
    expect(arrivals("/off")).toHaveLength(0);
    expect(arrivals("/flaky/503")).toHaveLength(1);
  });
});

describe("the events list", () => {
  it("filters by subscription and by time, with each event's attempts", async () => {
    const a = await subscribe("/list-a", ["webhooks.test"]);
    await subscribe("/list-b", ["counterparties.verified"]);
    const first = await trigger("webhooks.test");
    await until(() => arrivals("/list-a").length === 1);
    await sleep(20);
    const second = await trigger("counterparties.verified", { counterparty_id: "c-1" });
    await until(() => arrivals("/list-b").length === 1);

    const ofA = await events(`subscription_id=${a.id}`);
    expect(ofA.map((e) => e.event.event_id)).toEqual([first]);
    expect(ofA[0]!.delivery_attempts).toMatchObject([
      { subscription_id: a.id, success: true, response_code: 202 },
    ]);
    expect(ofA[0]!.delivery_attempts[0]!.latency_ms).toBeGreaterThanOrEqual(0);

    const all = await events("limit=100");
    const firstAt = all.find((e) => e.event.event_id === first)!.event.timestamp;
    const after = await events(`after=${encodeURIComponent(firstAt)}`);
    expect(after.map((e) => e.event.event_id)).toEqual([second]);
  });
});

describe("subscriptions", () => {
  const post = (body: Record<string, unknown>) =>
    call("avery", "POST", "/api/v1/subscriptions/", {
      url: `${kit.receiver}/x`,
      events: ["webhooks.test"],
      shared_secret: "0123456789abcdef",
      ...body,
    });
  const locOf = (res: { json: { detail: Array<{ loc: unknown[] }> } }) =>
    res.json.detail.map((d) => d.loc);

  it("answers 422 naming the field for bad input", async () => {
    for (const [body, loc] of [
      [{ url: "not a url" }, ["body", "url"]],
      [{ url: "ftp://example.com/hook" }, ["body", "url"]],
      [{ events: [] }, ["body", "events"]],
      [{ events: ["webhooks.test", "transfers.teleported"] }, ["body", "events", 1]],
      [{ shared_secret: "short" }, ["body", "shared_secret"]],
    ] as const) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(locOf(res)).toContainEqual(loc);
    }
  });

  it("never returns the shared secret, and a deleted one is gone", async () => {
    const created = await post({});
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.json)).not.toContain("0123456789abcdef");
    const id = Subscription.parse(created.json).id;
    const got = await call("avery", "GET", `/api/v1/subscriptions/${id}/`);
    expect(got.json).toEqual(created.json);
    const list = await call("avery", "GET", "/api/v1/subscriptions/?limit=100");
    expect(list.json.items.map((s: { id: string }) => s.id)).toContain(id);
    expect(JSON.stringify(list.json)).not.toContain("shared_secret");
    expect((await call("avery", "DELETE", `/api/v1/subscriptions/${id}/`)).status).toBe(202);
    expect((await call("avery", "GET", `/api/v1/subscriptions/${id}/`)).status).toBe(404);
  });
});
