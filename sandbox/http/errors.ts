/**
 * FastAPI-style error bodies, shared by the Customer API and the portal's /_sandbox routes:
 * 422 `{"detail":[{loc,msg,type,input?,ctx?}]}` (pydantic v2 wording), `{"detail":"..."}` else.
 */
import type { z } from "zod";
import type { ValidationIssue } from "../../lib/jiko/common";

export type Source = "body" | "query" | "path" | "header";

/** zod's expected type → pydantic's error type and message. */
const TYPES: Record<string, [type: string, msg: string]> = {
  string: ["string_type", "Input should be a valid string"],
  number: ["float_type", "Input should be a valid number"],
  int: ["int_type", "Input should be a valid integer"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  array: ["list_type", "Input should be a valid list"],
  object: ["dict_type", "Input should be a valid dictionary"],
};

function pydanticIssue(issue: z.core.$ZodIssue): Pick<ValidationIssue, "msg" | "type" | "ctx"> {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return { type: "missing", msg: "Field required" };
      const [type, msg] = TYPES[issue.expected] ?? [`${issue.expected}_type`, issue.message];
      return { type, msg };
    }
    case "too_small":
      return issue.origin === "string" || issue.origin === "array"
        ? {
            type: "too_short",
            msg: issue.message,
            ctx: { min_length: Number(issue.minimum) },
          }
        : { type: "greater_than_equal", msg: issue.message, ctx: { ge: Number(issue.minimum) } };
    case "too_big":
      return issue.origin === "string" || issue.origin === "array"
        ? { type: "too_long", msg: issue.message, ctx: { max_length: Number(issue.maximum) } }
        : { type: "less_than_equal", msg: issue.message, ctx: { le: Number(issue.maximum) } };
    case "invalid_value":
      return {
        type: issue.values.length > 1 ? "enum" : "literal_error",
        msg: `Input should be ${issue.values.map((v) => `'${String(v)}'`).join(", ")}`,
        ctx: { expected: issue.values.map((v) => `'${String(v)}'`).join(", ") },
      };
    case "unrecognized_keys":
      return { type: "extra_forbidden", msg: "Extra inputs are not permitted" };
    default:
      return { type: "value_error", msg: issue.message };
  }
}

/** Turns a zod error (parsed with `reportInput: true` to echo inputs) into FastAPI's detail list. */
export function validationDetail(error: z.ZodError, source: Source): ValidationIssue[] {
  return error.issues.flatMap((issue) => {
    const loc = [source, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ loc: [...loc, key], ...pydanticIssue(issue) }));
    }
    const item: ValidationIssue = { loc, ...pydanticIssue(issue) };
    if (issue.input !== undefined && item.type !== "missing") item.input = issue.input;
    return [item];
  });
}

/** What FastAPI answers for a body that is not JSON at all. */
export function jsonDecodeDetail(): ValidationIssue[] {
  return [
    {
      loc: ["body", 0],
      msg: "JSON decode error",
      type: "json_invalid",
      ctx: { error: "Expecting value" },
    },
  ];
}

export const NOT_AUTHENTICATED = { detail: "Not authenticated" } as const;
export const NOT_FOUND = { detail: "Not Found" } as const;
export const METHOD_NOT_ALLOWED = { detail: "Method Not Allowed" } as const;

/** Standard reason phrases for `{"detail": ...}` bodies of faulted and generic errors. */
export function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = {
    400: "Bad Request",
    401: "Not authenticated",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    422: "Unprocessable Entity",
    429: "Rate limit exceeded",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
  };
  return phrases[status] ?? (status >= 500 ? "Server Error" : "Client Error");
}
