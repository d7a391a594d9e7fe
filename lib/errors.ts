/**
 * The closed set of failures the dashboard speaks of, the HTTP status each maps to, and what a
 * person reads for each. No zod here: every page shows these messages, and the envelope's schema
 * (lib/error-envelope.ts) loads only when an answer fails.
 */
export type { ErrorEnvelope } from "./error-envelope";

export const ERROR_CODES = [
  "reauth-required",
  "forbidden",
  "not-found",
  "conflict",
  "rate-limited",
  "unavailable",
  "invalid",
  "too-large",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_STATUS: Record<ErrorCode, number> = {
  "reauth-required": 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "rate-limited": 429,
  unavailable: 503,
  invalid: 422,
  "too-large": 413,
  internal: 500,
};

/** What a person reads when a request fails with each code and nothing more specific is known. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  "reauth-required": "Your session has ended. Sign in again to continue.",
  forbidden: "Your role does not allow this.",
  "not-found": "We could not find that.",
  conflict: "That change conflicts with the current state. Reload and try again.",
  "rate-limited": "Jiko is receiving too many requests. Wait a moment and try again.",
  unavailable: "Jiko is not answering right now. Try again in a moment.",
  invalid: "Some of the information is not valid.",
  "too-large": "This request is too large to process.",
  internal: "Something went wrong on our side. Try again; if it persists, tell your admin.",
};
