import "server-only";
import { z } from "zod";

/**
 * The dashboard's configuration, validated once. Empty strings count as unset. A bad value stops
 * start-up with one line naming the variable (instrumentation.ts calls `loadEnv` at boot).
 */
const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/$/, ""));

export const EnvSchema = z.object({
  JIKO_API_URL: url,
  JIKO_ISSUER: url,
  JIKO_CLIENT_ID: z.string().min(1),
  /** PKCS#8 PEM of the client's private key (its public half is registered at Jiko). */
  JIKO_CLIENT_PRIVATE_KEY: z
    .string()
    .transform((s) => s.replaceAll("\\n", "\n"))
    .refine((s) => s.includes("-----BEGIN PRIVATE KEY-----"), "must be a PKCS#8 PEM private key"),
  JIKO_CLIENT_KEY_ID: z.string().min(1).optional(),
  JIKO_CLIENT_KEY_ALG: z.enum(["PS256"]).default("PS256"),
  /** Refresh an access token this many seconds before it expires. */
  JIKO_REFRESH_SKEW_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
  JIKO_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  APP_URL: url.default("http://localhost:3000"),
  /**
   * The public address Jiko delivers webhooks to, when it differs from APP_URL's
   * `/api/webhooks/jiko` (a tunnel, a proxy). Without a reachable one, pages poll Jiko's events.
   */
  WEBHOOK_URL: url.optional(),
  /** How often the polling fallback reads Jiko's events list. */
  LIVE_POLL_MS: z.coerce.number().int().min(250).max(60_000).default(1000),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  /**
   * Earlier AUTH_SECRETs, comma-separated, after a rotation: tokens they sealed stay readable
   * (and are re-sealed with AUTH_SECRET at their next refresh). Drop them once sessions moved on.
   */
  AUTH_SECRET_PREVIOUS: z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().min(32, "each secret must be at least 32 characters")))
    .default([]),
  /** postgres://… switches from the embedded PGlite database to PostgreSQL. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  APP_DATA_DIR: z.string().min(1).default(".data/app"),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /** A session ends this long after sign-in, however active: a copied cookie cannot live on. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .min(0.25)
    .max(24 * 30)
    .default(12),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});
export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const problem =
      issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    throw new EnvError(`Configuration error: ${name} ${problem}.`);
  }
  return result.data;
}

/** Secrets for Auth.js and token encryption, newest first. */
export const authSecrets = (e: Env): string[] => [e.AUTH_SECRET, ...e.AUTH_SECRET_PREVIOUS];

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
