import "server-only";
import type { z } from "zod";
import { Customer } from "@/lib/jiko/customer";
import { TeamResponse } from "@/lib/jiko/team";
import { MembershipList, UserInfo } from "@/lib/jiko/user";
import type { TokenSet } from "../auth/token-store";
import { JikoError } from "./errors";
import { type HttpOptions, type JikoRequest, jikoRequest } from "./http";

export interface TokenSource {
  get(opts?: { force?: boolean }): Promise<TokenSet>;
}

/**
 * Jiko's Customer API for one signed-in person. Every answer is parsed with lib/jiko's schemas. A
 * 401 on a token we thought good (revoked, or clocks apart) gets one forced refresh and one retry.
 */
export function createJikoClient(http: HttpOptions, tokens: TokenSource) {
  async function call<S extends z.ZodType>(
    req: Omit<JikoRequest, "accessToken">,
    schema: S,
  ): Promise<z.infer<S>> {
    const first = await tokens.get();
    try {
      return await jikoRequest(http, { ...req, accessToken: first.accessToken }, schema);
    } catch (error) {
      if (!(error instanceof JikoError) || error.code !== "reauth-required") throw error;
      const renewed = await tokens.get({ force: true });
      return jikoRequest(http, { ...req, accessToken: renewed.accessToken }, schema);
    }
  }

  return {
    /** The scopes the person's current token carries. */
    scopes: async () => (await tokens.get()).scope.split(" ").filter(Boolean),
    user: () => call({ method: "GET", path: "/api/v1/user/" }, UserInfo),
    memberships: () => call({ method: "GET", path: "/api/v1/user/memberships/" }, MembershipList),
    team: () => call({ method: "GET", path: "/api/v1/team/" }, TeamResponse),
    customer: () => call({ method: "GET", path: "/api/v1/customer/" }, Customer),
  };
}

export type JikoClient = ReturnType<typeof createJikoClient>;
