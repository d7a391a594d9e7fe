import pino, { type Logger } from "pino";

export type { Logger };

/**
 * JSON logs. Lines carry a request id; they never carry tokens, codes, passwords or query strings
 * (authorization requests put state and PKCE challenges there), only paths.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "jiko-sandbox" },
    redact: {
      paths: ["authorization", "password", "code", "token", "*.authorization", "*.password"],
      censor: "[redacted]",
    },
  });
}
