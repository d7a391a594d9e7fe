/**
 * Webhook subscriptions as the settings page edits them: the create form (its fields, its rules,
 * the body it sends), the events grouped for choosing, and the words for how live updates reach
 * the dashboard. Shared by the form in the browser and the route that checks it again.
 */
import { z } from "zod";
import {
  CreateSubscriptionRequest,
  DEFAULT_RETRY_POLICY,
  EVENT_TYPES,
  RetryPolicy,
} from "./jiko/events";

/** The event "Send test event" delivers; a subscription must ask for it to receive one. */
export const TEST_EVENT = "webhooks.test";

const SECRET_RULE = "The shared secret must be at least 16 characters";

/**
 * What `POST /api/subscriptions` takes: Jiko's create request, but the shared secret may be left
 * out, and then the server makes one.
 */
export const CreateWebhookInput = CreateSubscriptionRequest.extend({
  shared_secret: z.string().min(16, SECRET_RULE).max(200).optional(),
});
export type CreateWebhookInput = z.input<typeof CreateWebhookInput>;

/** What the create route answers: the secret is in this answer and nowhere else, ever. */
export const CreatedWebhook = z.object({
  subscription_id: z.string(),
  shared_secret: z.string(),
  delivers_here: z.boolean(),
});
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} must be at most ${max}`);

/** "408, 429 500" → [408, 429, 500]; anything that is not a status code is refused by name. */
export function parseStatusCodes(text: string): number[] | string {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const codes: number[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (!/^\d{3}$/.test(p) || n < 100 || n > 599) return `"${p}" is not an HTTP status code`;
    if (!codes.includes(n)) codes.push(n);
  }
  return codes;
}

/** The create form: fields named like the request, so the server's refusals land on them. */
export const WebhookForm = z
  .object({
    url: z
      .string()
      .trim()
      .pipe(z.url("Enter a full URL, e.g. https://treasury.example.com/api/webhooks/jiko")),
    description: z.string().trim().max(500, "At most 500 characters"),
    events: z.array(z.string()).min(1, "Choose at least one event"),
    shared_secret: z
      .string()
      .trim()
      .refine((s) => s === "" || s.length >= 16, SECRET_RULE),
    retry_policy: z.object({
      retry_on_status_codes: z.string(),
      backoff_coefficient: z
        .number({ error: "The backoff coefficient must be a number" })
        .min(1, "The backoff coefficient must be at least 1")
        .max(10, "The backoff coefficient must be at most 10"),
      maximum_attempts: whole("Attempts", 1, 20),
      initial_interval_seconds: whole("The first wait", 1, 3600),
      maximum_interval_seconds: whole("The longest wait", 1, 86_400),
    }),
  })
  .superRefine((f, ctx) => {
    const codes = parseStatusCodes(f.retry_policy.retry_on_status_codes);
    if (typeof codes === "string")
      ctx.addIssue({
        code: "custom",
        path: ["retry_policy", "retry_on_status_codes"],
        message: codes,
      });
    if (f.retry_policy.maximum_interval_seconds < f.retry_policy.initial_interval_seconds)
      ctx.addIssue({
        code: "custom",
        path: ["retry_policy", "maximum_interval_seconds"],
        message: "The longest wait cannot be shorter than the first",
      });
  })
  .transform(
    (f): CreateWebhookInput => ({
      url: f.url,
      description: f.description,
      events: f.events,
      ...(f.shared_secret ? { shared_secret: f.shared_secret } : {}),
      retry_policy: RetryPolicy.parse({
        ...f.retry_policy,
        retry_on_status_codes: parseStatusCodes(f.retry_policy.retry_on_status_codes),
      }),
    }),
  );
export type WebhookFormInput = z.input<typeof WebhookForm>;

/** A blank form: this dashboard's URL, the test event ticked, Jiko's default retries shown. */
export function blankWebhookForm(url: string): WebhookFormInput {
  return {
    url,
    description: "",
    events: [TEST_EVENT],
    shared_secret: "",
    retry_policy: {
      ...DEFAULT_RETRY_POLICY,
      retry_on_status_codes: DEFAULT_RETRY_POLICY.retry_on_status_codes.join(", "),
    },
  };
}

const GROUP_LABELS: Record<string, string> = {
  transfers: "Transfers (wires and JikoNet)",
  transfer_requests: "Transfer requests",
  transactions: "Transactions",
  counterparties: "Payees",
  team: "Team",
  reports: "Reports",
  webhooks: "Testing",
};

export interface EventGroup {
  id: string;
  label: string;
  events: string[];
}

/** The event types by what they are about (the part before the first dot), in Jiko's order. */
export function eventGroups(types: readonly string[] = EVENT_TYPES): EventGroup[] {
  const groups: EventGroup[] = [];
  for (const t of types) {
    const id = t.split(".")[0] ?? t;
    let g = groups.find((x) => x.id === id);
    if (!g) {
      g = { id, label: GROUP_LABELS[id] ?? id, events: [] };
      groups.push(g);
    }
    g.events.push(t);
  }
  return groups;
}

/** Ticking a group (or "all") adds what is missing; unticking removes all of it. */
export function toggleEvents(chosen: readonly string[], some: readonly string[], on: boolean) {
  if (!on) return chosen.filter((e) => !some.includes(e));
  return [...chosen, ...some.filter((e) => !chosen.includes(e))];
}

export type LiveMode = "webhook" | "polling";
export const LiveStatus = z.object({
  mode: z.enum(["webhook", "polling"]),
  webhookUrl: z.string(),
});
export type LiveStatus = z.infer<typeof LiveStatus>;

/** How live updates reach open pages now, in one sentence. */
export function liveStatusMessage(s: LiveStatus): string {
  return s.mode === "webhook"
    ? `Jiko delivers events to this dashboard by webhook (${s.webhookUrl}); open pages update as they arrive.`
    : `No subscription delivers to this dashboard (URL ${s.webhookUrl}); open pages poll Jiko's events every second instead.`;
}
