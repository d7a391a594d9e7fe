/** The browser's side of the route handlers: JSON in, checked JSON out, one error type. */
import { ApiClientError } from "./api-error";
import { ERROR_MESSAGES } from "./errors";
import { pageTeamId, TEAM_HEADER } from "./team-binding";

export { ApiClientError };

/**
 * The schema an answer is checked with, or a function that loads it. zod and the schemas are the
 * largest script a page would load first; loaded on demand, they arrive with the first answer the
 * browser asks for itself, after the server's prefetched first screen is already shown.
 */
export type SchemaSource<S extends Check> = S | (() => Promise<S>);

/**
 * What checks an answer: a zod schema, or a check written by hand with the same `parse` (throwing
 * when the answer is not the expected shape) where loading zod would outweigh the page.
 */
export interface Check {
  parse(body: unknown): unknown;
}
/** The answer a check lets through. */
export type Checked<S extends Check> = ReturnType<S["parse"]>;

/**
 * Schemas from a module loaded on first use: `const schema = lazySchemas(() => import("…"))`, then
 * `apiGet(path, schema("Name"))`.
 */
export const lazySchemas =
  <M>(load: () => Promise<M>) =>
  <K extends keyof M>(name: K) =>
  async (): Promise<M[K]> =>
    (await load())[name];

const UNREACHABLE = "Treasury Desk cannot be reached. Check your connection.";

/**
 * The schema itself, loaded if need be. One that cannot load means the server cannot be reached,
 * as a failed request does: the error is that of a failed request, message included.
 */
export function loadSchema<S extends Check>(source: SchemaSource<S>): Promise<S> {
  if (typeof source !== "function") return Promise.resolve(source);
  const schema = source().catch(() => {
    throw new ApiClientError("unavailable", UNREACHABLE, 0);
  });
  // Its caller may await it later (after a request, at an apply): until then a failure must not
  // count as unhandled.
  schema.catch(() => {});
  return schema;
}

/** The error a failed answer stands for: the route's envelope when it sent one. */
export async function failureOf(status: number, body: unknown): Promise<ApiClientError> {
  let ErrorEnvelope: typeof import("./error-envelope").ErrorEnvelope;
  try {
    ({ ErrorEnvelope } = await import("./error-envelope"));
  } catch {
    return new ApiClientError("unavailable", UNREACHABLE, 0);
  }
  const envelope = ErrorEnvelope.safeParse(body);
  if (!envelope.success) return new ApiClientError("internal", ERROR_MESSAGES.internal, status);
  const { code, message, issues } = envelope.data.error;
  return new ApiClientError(code, message, status, issues);
}

async function send<S extends Check>(
  path: string,
  init: RequestInit,
  source: SchemaSource<S>,
): Promise<Checked<S>> {
  // The schema loads while the request is on its way.
  const schema = loadSchema(source);
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      credentials: "same-origin",
      headers: { accept: "application/json", ...init.headers },
    });
  } catch {
    throw new ApiClientError("unavailable", UNREACHABLE, 0);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw await failureOf(res.status, body);
  return (await schema).parse(body) as Checked<S>;
}

function teamHeader(): Record<string, string> {
  const team = pageTeamId();
  return team ? { [TEAM_HEADER]: team } : {};
}

export const apiGet = <S extends Check>(
  path: string,
  schema: SchemaSource<S>,
): Promise<Checked<S>> => send(path, { method: "GET" }, schema);

/**
 * A change: JSON body, same-origin (the server refuses others), naming the team the page was
 * rendered for (the server refuses it if the session has since switched team).
 */
export const apiSend = <S extends Check>(
  method: "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  schema: SchemaSource<S>,
  body?: unknown,
): Promise<Checked<S>> =>
  send(
    path,
    {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...teamHeader(),
      },
    },
    schema,
  );
