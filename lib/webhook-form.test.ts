import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, EVENT_TYPES } from "./jiko/events";
import {
  blankWebhookForm,
  eventGroups,
  liveStatusMessage,
  parseStatusCodes,
  TEST_EVENT,
  toggleEvents,
} from "./webhook-form";
import { CreateWebhookInput, WebhookForm } from "./webhook-form-schemas";

const OWN = "http://localhost:3000/api/webhooks/jiko";

describe("the create form", () => {
  it("sends Jiko's default retries, the ticked events and no secret when none is typed", () => {
    const body = WebhookForm.parse({
      ...blankWebhookForm(OWN),
      events: [TEST_EVENT, "transfer_requests.created"],
      description: "  Live updates ",
    });
    expect(body).toEqual({
      url: OWN,
      description: "Live updates",
      events: [TEST_EVENT, "transfer_requests.created"],
      retry_policy: DEFAULT_RETRY_POLICY,
    });
    expect("shared_secret" in body).toBe(false);
    // The route accepts exactly what the form sends.
    expect(CreateWebhookInput.safeParse(body).success).toBe(true);
  });

  it("keeps a typed secret and refuses a short one under its field", () => {
    const form = blankWebhookForm(OWN);
    const ok = WebhookForm.parse({ ...form, shared_secret: "0123456789abcdefXYZ" });
    expect(ok.shared_secret).toBe("0123456789abcdefXYZ");
    const short = WebhookForm.safeParse({ ...form, shared_secret: "too-short" });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.path).toEqual(["shared_secret"]);
  });

  it("refuses a URL that is not one, an empty event list and bad retry fields, each on its field", () => {
    const r = WebhookForm.safeParse({
      ...blankWebhookForm("not a url"),
      events: [],
      retry_policy: {
        retry_on_status_codes: "500, 9000",
        backoff_coefficient: 2,
        maximum_attempts: Number.NaN,
        initial_interval_seconds: 60,
        maximum_interval_seconds: 30,
      },
    });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(["events", "retry_policy.maximum_attempts", "url"]);
    // The cross-field rules run once the fields themselves are valid.
    const later = WebhookForm.safeParse({
      ...blankWebhookForm(OWN),
      retry_policy: {
        retry_on_status_codes: "500, 9000",
        backoff_coefficient: 2,
        maximum_attempts: 3,
        initial_interval_seconds: 60,
        maximum_interval_seconds: 30,
      },
    });
    expect(later.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["retry_policy.retry_on_status_codes", '"9000" is not an HTTP status code'],
      [
        "retry_policy.maximum_interval_seconds",
        "The longest wait cannot be shorter than the first",
      ],
    ]);
  });

  it("reads status codes separated by commas or spaces, once each", () => {
    expect(parseStatusCodes("500, 502 502,,429")).toEqual([500, 502, 429]);
    expect(parseStatusCodes("")).toEqual([]);
    expect(parseStatusCodes("5xx")).toBe('"5xx" is not an HTTP status code');
  });
});

describe("choosing events", () => {
  it("groups every event type by subject, each once, the test event apart", () => {
    const groups = eventGroups();
    expect(groups.flatMap((g) => g.events).sort()).toEqual([...EVENT_TYPES].sort());
    expect(groups.find((g) => g.id === "webhooks")).toEqual({
      id: "webhooks",
      label: "Testing",
      events: [TEST_EVENT],
    });
    expect(groups.find((g) => g.id === "transfer_requests")?.events).toContain(
      "transfer_requests.approved",
    );
  });

  it("ticks a whole group without duplicates and unticks all of it", () => {
    const group = ["a.1", "a.2"];
    expect(toggleEvents(["a.1", "b.1"], group, true)).toEqual(["a.1", "b.1", "a.2"]);
    expect(toggleEvents(["a.1", "b.1", "a.2"], group, false)).toEqual(["b.1"]);
  });
});

describe("live status", () => {
  it("names the dashboard's URL when no subscription delivers to it", () => {
    expect(liveStatusMessage({ mode: "polling", webhookUrl: OWN })).toBe(
      `No subscription delivers to this dashboard (URL ${OWN}); open pages poll Jiko's events every second instead.`,
    );
    expect(liveStatusMessage({ mode: "webhook", webhookUrl: OWN })).toMatch(/by webhook/);
  });
});
