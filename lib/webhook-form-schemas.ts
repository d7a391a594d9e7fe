/**
 * The webhook create form's rules and the body it sends (checked in the browser, then again by the
 * route), and what the create and live-status routes answer. lib/webhook-form.ts holds the rest.
 */
import { z } from "zod";
import { CreateSubscriptionRequest, RetryPolicy } from "./jiko/events";
import { parseStatusCodes } from "./webhook-form";

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

/** What the live-status route answers: how live updates reach open pages, and where. */
export const LiveStatus = z.object({
  mode: z.enum(["webhook", "polling"]),
  webhookUrl: z.string(),
});
export type LiveStatus = z.infer<typeof LiveStatus>;
