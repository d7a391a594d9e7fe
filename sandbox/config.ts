import { z } from "zod";
import { RATE_LIMIT_GROUPS, type RateLimitGroup } from "../lib/jiko/rate-limits";

/**
 * The sandbox's environment. Empty strings count as unset (a `.env` line `SANDBOX_HOST=` must not
 * turn into a host named ""), and a bad value stops start-up with one line naming the variable.
 */
const port = z.coerce.number().int().min(0).max(65535);

/** `authentication=1000,user=5`: per-minute limits replacing Jiko's (tests, load checks). */
const RateLimits = z.string().transform((raw, ctx) => {
  const out: Partial<Record<RateLimitGroup, number>> = {};
  for (const part of raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [group, n] = part.split("=").map((x) => x.trim());
    if (!group || !(group in RATE_LIMIT_GROUPS) || !/^\d+$/.test(n ?? "") || Number(n) < 1) {
      ctx.addIssue({ code: "custom", message: `expected group=limit pairs, got "${part}"` });
      return z.NEVER;
    }
    out[group as RateLimitGroup] = Number(n);
  }
  return out;
});

const EnvSchema = z.object({
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  SANDBOX_API_PORT: port.default(4010),
  SANDBOX_PORTAL_PORT: port.default(4011),
  SANDBOX_DATA_DIR: z.string().min(1).default(".data/sandbox"),
  SANDBOX_PASSWORD: z.string().min(8).default("jiko-sandbox"),
  SANDBOX_ACCESS_TOKEN_TTL: z.coerce.number().int().min(1).max(86_400).default(900),
  SANDBOX_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("warn"),
  SANDBOX_RATE_LIMITS: RateLimits.optional(),
});

export type SandboxEnv = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): SandboxEnv {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== "") raw[key] = value.trim();
  }
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    throw new ConfigError(`Invalid ${name}=${JSON.stringify(raw[name] ?? "")}: ${issue.message}`);
  }
  return parsed.data;
}
