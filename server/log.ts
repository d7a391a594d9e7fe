import "server-only";
import pino from "pino";

/** JSON logs. Never pass tokens, secrets or account numbers: the redaction below is a backstop. */
export const log = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { app: "treasury-desk" },
  redact: {
    paths: [
      "*.access_token",
      "*.refresh_token",
      "*.id_token",
      "*.authorization",
      "*.account_number",
    ],
    censor: "[redacted]",
  },
});
