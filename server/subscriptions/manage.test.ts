import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type CreateSubscriptionRequest,
  type Subscription,
  SubscriptionList,
  type TriggerWebhookRequest,
  type UpdateSubscriptionRequest,
} from "@/lib/jiko/events";
import { ApiError } from "../api/guard";
import { type DbHandle, openDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import { JikoError } from "../jiko";
import { liveModeFor, secretsFor } from "../live/secrets";
import {
  type Acting,
  createSubscription,
  deleteSubscription,
  listSubscriptions,
  NO_TEST_TRIGGER,
  sendTestEvent,
  updateSubscription,
} from "./manage";

const OWN = "http://localhost:3000/api/webhooks/jiko";
vi.mock("../env", () => ({
  env: () => ({
    APP_URL: "http://localhost:3000",
    AUTH_SECRET: "a-secret-for-sealing-webhook-secrets-0123",
    AUTH_SECRET_PREVIOUS: [],
  }),
  authSecrets: (e: { AUTH_SECRET: string }) => [e.AUTH_SECRET],
}));
vi.mock("../viewer", () => ({ requestViewer: async () => null }));

/** Jiko's subscriptions as the contract describes them, kept in memory; test triggers recorded. */
function fakeJiko(opts: { trigger?: "sandbox" | "production" } = {}) {
  const subs = new Map<string, Subscription & { secret: string }>();
  const triggered: TriggerWebhookRequest[] = [];
  const public_ = ({ secret: _, ...s }: Subscription & { secret: string }) => s;
  const find = (id: string) => {
    const s = subs.get(id);
    if (!s) throw new JikoError("not-found", 404, "Subscription not found");
    return s;
  };
  const jiko: Acting["jiko"] = {
    subscriptions: async () =>
      SubscriptionList.parse({
        items: [...subs.values()].map(public_),
        next_page: null,
        prev_page: null,
        object_type: "CursorList",
      }),
    subscription: async (id) => public_(find(id)),
    createSubscription: async (b: CreateSubscriptionRequest) => {
      const at = new Date().toISOString();
      const s = {
        id: randomUUID(),
        description: b.description ?? "",
        events: b.events,
        url: b.url,
        status: "enabled" as const,
        retry_policy: b.retry_policy,
        time_created: at,
        updated_at: at,
        secret: b.shared_secret,
      };
      subs.set(s.id, s);
      return public_(s);
    },
    updateSubscription: async (id, b: UpdateSubscriptionRequest) => {
      const s = find(id);
      Object.assign(s, {
        ...(b.url ? { url: b.url } : {}),
        ...(b.status ? { status: b.status } : {}),
        ...(b.shared_secret ? { secret: b.shared_secret } : {}),
      });
      return public_(s);
    },
    deleteSubscription: async (id) => {
      find(id);
      subs.delete(id);
      return null;
    },
    events: async () => ({
      items: [],
      next_page: null,
      prev_page: null,
      object_type: "CursorList",
    }),
    triggerWebhook: async (b) => {
      if (opts.trigger === "production") throw new JikoError("not-found", 404, "Not Found");
      triggered.push(b);
      return null;
    },
  };
  return { jiko, subs, triggered };
}

let handle: DbHandle;
beforeAll(async () => {
  handle = openDb({ dataDir: "memory://" });
  await migrateDb(handle);
});
afterAll(() => handle?.close());

const base = { description: "", events: ["webhooks.test", "transfer_requests.created"] };

describe("webhook subscriptions from the settings page", () => {
  it("makes a base64url secret of 43 characters, keeps it only for this dashboard's URL", async () => {
    const { jiko, subs } = fakeJiko();
    const who = { jiko, customerId: randomUUID() };
    expect(await liveModeFor(who.customerId, handle.db)).toBe("polling");

    const here = await createSubscription(who, { ...base, url: OWN }, handle.db);
    expect(here.shared_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(subs.get(here.subscription_id)?.secret).toBe(here.shared_secret);
    expect(here.delivers_here).toBe(true);
    expect(await secretsFor(who.customerId, handle.db)).toEqual([here.shared_secret]);
    expect(await liveModeFor(who.customerId, handle.db)).toBe("webhook");

    const typed = "typed-by-the-admin-0123456789";
    const away = await createSubscription(
      who,
      { ...base, url: "https://hooks.example.com/jiko", shared_secret: typed },
      handle.db,
    );
    expect(away).toMatchObject({ shared_secret: typed, delivers_here: false });
    expect(subs.get(away.subscription_id)?.secret).toBe(typed);
    expect(await secretsFor(who.customerId, handle.db)).toEqual([here.shared_secret]);

    const listed = await listSubscriptions(who, handle.db);
    expect(
      listed.items.map((s) => [s.url, s.delivers_here, s.secret_unknown, "secret" in s]),
    ).toEqual([
      [OWN, true, false, false],
      ["https://hooks.example.com/jiko", false, false, false],
    ]);
  });

  it("follows disabling, moving away and deleting, so the live mode falls back to polling", async () => {
    const { jiko, subs } = fakeJiko();
    const who = { jiko, customerId: randomUUID() };
    const a = await createSubscription(who, { ...base, url: OWN }, handle.db);
    await updateSubscription(who, a.subscription_id, { status: "disabled" }, handle.db);
    expect(await liveModeFor(who.customerId, handle.db)).toBe("polling");
    await updateSubscription(who, a.subscription_id, { status: "enabled" }, handle.db);
    expect(await liveModeFor(who.customerId, handle.db)).toBe("webhook");

    // Moved away: forgotten. Moved back without a secret: a new one is made, sent and kept.
    await updateSubscription(who, a.subscription_id, { url: "https://x.example.com" }, handle.db);
    expect(await secretsFor(who.customerId, handle.db)).toEqual([]);
    const back = await updateSubscription(who, a.subscription_id, { url: OWN }, handle.db);
    expect(back.shared_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(subs.get(a.subscription_id)?.secret).toBe(back.shared_secret);
    expect(await secretsFor(who.customerId, handle.db)).toEqual([back.shared_secret]);

    await deleteSubscription(who, a.subscription_id, handle.db);
    expect(subs.size).toBe(0);
    expect(await secretsFor(who.customerId, handle.db)).toEqual([]);
    expect(await liveModeFor(who.customerId, handle.db)).toBe("polling");
  });

  it("marks a subscription to this URL made elsewhere as unverifiable", async () => {
    const { jiko } = fakeJiko();
    const who = { jiko, customerId: randomUUID() };
    await jiko.createSubscription({ ...base, url: OWN, shared_secret: "made-in-jikos-portal-0" });
    const [s] = (await listSubscriptions(who, handle.db)).items;
    expect(s).toMatchObject({ delivers_here: false, secret_unknown: true });
  });
});

describe("test events", () => {
  it("sends a webhooks.test event with a fresh id through Jiko's trigger", async () => {
    const { jiko, triggered } = fakeJiko();
    const who = { jiko, customerId: randomUUID() };
    const a = await createSubscription(who, { ...base, url: OWN }, handle.db);
    const now = new Date("2026-12-01T10:00:00Z");
    const sent = await sendTestEvent(who, a.subscription_id, now);
    expect(triggered).toEqual([
      {
        event_id: sent.event_id,
        timestamp: now.toISOString(),
        event_type: "webhooks.test",
        payload: {},
      },
    ]);
  });

  it("says plainly that Jiko's production has no test trigger", async () => {
    const { jiko } = fakeJiko({ trigger: "production" });
    const who = { jiko, customerId: randomUUID() };
    const a = await createSubscription(who, { ...base, url: OWN }, handle.db);
    const refused = await sendTestEvent(who, a.subscription_id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: "not-found", message: NO_TEST_TRIGGER });
  });

  it("refuses before Jiko is asked when the subscription could not receive it", async () => {
    const { jiko, triggered } = fakeJiko();
    const who = { jiko, customerId: randomUUID() };
    const other = await createSubscription(
      who,
      { ...base, events: ["reports.ready"], url: OWN },
      handle.db,
    );
    await expect(sendTestEvent(who, other.subscription_id)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/does not receive webhooks\.test/),
    });
    const off = await createSubscription(who, { ...base, url: OWN }, handle.db);
    await updateSubscription(who, off.subscription_id, { status: "disabled" }, handle.db);
    await expect(sendTestEvent(who, off.subscription_id)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/disabled/),
    });
    expect(triggered).toEqual([]);
  });
});
