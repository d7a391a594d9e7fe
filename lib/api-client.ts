/** The browser's side of the route handlers: JSON in, zod-checked JSON out, one error type. */
import type { z } from "zod";
import { ApiClientError } from "./api-error";
import { ERROR_MESSAGES, ErrorEnvelope } from "./errors";
import { pageTeamId, TEAM_HEADER } from "./team-binding";

export { ApiClientError };

async function send<S extends z.ZodType>(
  path: string,
  init: RequestInit,
  schema: S,
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      credentials: "same-origin",
      headers: { accept: "application/json", ...init.headers },
    });
  } catch {
    throw new ApiClientError(
      "unavailable",
      "Treasury Desk cannot be reached. Check your connection.",
      0,
    );
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const envelope = ErrorEnvelope.safeParse(body);
    if (envelope.success) {
      const { code, message, issues } = envelope.data.error;
      throw new ApiClientError(code, message, res.status, issues);
    }
    throw new ApiClientError("internal", ERROR_MESSAGES.internal, res.status);
  }
  return schema.parse(body);
}

function teamHeader(): Record<string, string> {
  const team = pageTeamId();
  return team ? { [TEAM_HEADER]: team } : {};
}

export const apiGet = <S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> =>
  send(path, { method: "GET" }, schema);

/**
 * A change: JSON body, same-origin (the server refuses others), naming the team the page was
 * rendered for (the server refuses it if the session has since switched team).
 */
export const apiSend = <S extends z.ZodType>(
  method: "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.infer<S>> =>
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
