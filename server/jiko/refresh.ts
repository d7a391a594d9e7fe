import "server-only";
import * as o from "oauth4webapi";
import type { ClientKey } from "../auth/client-key";
import { JikoError } from "./errors";

export interface RefreshedTokens {
  access_token: string;
  refresh_token?: string;
  expires_at: number;
  scope?: string;
  id_token?: string;
}

const discoveries = new Map<string, Promise<o.AuthorizationServer>>();

function discover(issuer: string): Promise<o.AuthorizationServer> {
  let found = discoveries.get(issuer);
  if (!found) {
    const url = new URL(issuer);
    found = o
      .discoveryRequest(url, { [o.allowInsecureRequests]: url.protocol === "http:" })
      .then((res) => o.processDiscoveryResponse(url, res));
    found.catch(() => discoveries.delete(issuer));
    discoveries.set(issuer, found);
  }
  return found;
}

/**
 * One refresh_token grant at Jiko's portal, authenticated with private_key_jwt. Jiko rotates
 * refresh tokens and revokes the whole grant when a used one comes back, so callers must never
 * run two of these for one person at once (server/jiko/tokens.ts makes sure).
 */
export async function refreshAtJiko(opts: {
  issuer: string;
  clientId: string;
  key: ClientKey;
  refreshToken: string;
  now?: () => number;
}): Promise<RefreshedTokens> {
  const as = await discover(opts.issuer);
  const client: o.Client = { client_id: opts.clientId };
  const insecure = { [o.allowInsecureRequests]: as.issuer.startsWith("http:") };
  let result: o.TokenEndpointResponse;
  try {
    const res = await o.refreshTokenGrantRequest(
      as,
      client,
      o.PrivateKeyJwt(opts.key),
      opts.refreshToken,
      insecure,
    );
    result = await o.processRefreshTokenResponse(as, client, res);
  } catch (cause) {
    if (
      cause instanceof o.ResponseBodyError &&
      ["invalid_grant", "invalid_client", "unauthorized_client"].includes(cause.error)
    ) {
      throw new JikoError("reauth-required", 401, `Jiko refused the refresh: ${cause.error}`, {
        cause,
      });
    }
    throw new JikoError("unavailable", 0, "Could not refresh the session with Jiko", { cause });
  }
  const now = Math.floor((opts.now?.() ?? Date.now()) / 1000);
  return {
    access_token: result.access_token,
    refresh_token: result.refresh_token,
    expires_at: now + (result.expires_in ?? 900),
    scope: result.scope,
    id_token: result.id_token,
  };
}
