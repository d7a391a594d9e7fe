/**
 * Webhook subscriptions as the settings page edits them: the create form's blank values and the
 * status codes it reads, the events grouped for choosing, and the words for how live updates reach
 * the dashboard. lib/webhook-form-schemas.ts holds the form's rules and the body it sends.
 */
// No zod here: the webhooks page draws these at first load (the create dialog loads the schemas).
import { DEFAULT_RETRY_POLICY, EVENT_TYPES } from "./jiko/event-terms";
import type { LiveStatus, WebhookFormInput } from "./webhook-form-schemas";

export type {
  CreatedWebhook,
  CreateWebhookInput,
  LiveStatus,
  WebhookFormInput,
} from "./webhook-form-schemas";

/** The event "Send test event" delivers; a subscription must ask for it to receive one. */
export const TEST_EVENT = "webhooks.test";

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

/** How live updates reach open pages now, in one sentence. */
export function liveStatusMessage(s: LiveStatus): string {
  return s.mode === "webhook"
    ? `Jiko delivers events to this dashboard by webhook (${s.webhookUrl}); open pages update as they arrive.`
    : `No subscription delivers to this dashboard (URL ${s.webhookUrl}); open pages poll Jiko's events every second instead.`;
}
