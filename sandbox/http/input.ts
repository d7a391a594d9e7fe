/**
 * U+0000 anywhere in a request: Postgres text cannot hold it, so a NUL that reached a query would
 * fail it with a 500. Every route's input (path, query, JSON body) is checked before its handler,
 * and a NUL is a 422 in FastAPI's shape naming where it was.
 */
import type { Context } from "hono";
import type { ValidationIssue } from "../../lib/jiko/common";

const NUL = "\u0000";
const issue = (loc: (string | number)[], input: unknown): ValidationIssue => ({
  loc,
  msg: "Value error, NUL characters are not allowed",
  type: "value_error",
  input,
});

function walk(value: unknown, loc: (string | number)[], out: ValidationIssue[]) {
  if (typeof value === "string") {
    if (value.includes(NUL)) out.push(issue(loc, value));
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, [...loc, i], out);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes(NUL)) out.push(issue([...loc, k], k));
      else walk(v, [...loc, k], out);
    }
  }
}

/** The NULs in a request's path, query and JSON body; empty when there are none. */
export async function nulIssues(c: Context): Promise<ValidationIssue[]> {
  const out: ValidationIssue[] = [];
  const path = new URL(c.req.url).pathname;
  if (/%00/i.test(path) || path.includes(NUL)) out.push(issue(["path"], path));
  for (const [k, values] of Object.entries(c.req.queries())) {
    if (k.includes(NUL)) out.push(issue(["query", k], k));
    else {
      for (const [i, v] of values.entries()) {
        walk(v, values.length > 1 ? ["query", k, i] : ["query", k], out);
      }
    }
  }
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    // Read through Hono's cache, so the handler can still read the body.
    const text = await c.req.text().catch(() => "");
    if (text.includes(NUL)) out.push(issue(["body"], null));
    else if (/\\u0000/i.test(text)) {
      try {
        walk(JSON.parse(text), ["body"], out);
      } catch {
        // Not JSON: the handler answers its own json_invalid.
      }
    }
  }
  return out;
}
