import "server-only";
import * as o from "oauth4webapi";
import { backchannelLogoutEndpoint } from "@/lib/jiko/oauth";
import type { ClientKey } from "../auth/client-key";
import { JikoError } from "./errors";

export interface RefreshedTokens {
  access_token: string;
  refresh_token?: string;
  expires_at: number;
  scope?: string;
  id_token?: string;
}

interface PortalClient {
  issuer: string;
  clientId: string;
  key: ClientKey;
  /** Deadline for the whole exchange with the portal, discovery included. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const discoveries = new Map<string, Promise<o.AuthorizationServer>>();

function discover(issuer: string, signal: AbortSignal): Promise<o.AuthorizationServer> {
  let found = discoveries.get(issuer);
  if (!found) {
    const url = new URL(issuer);
    found = o
      .discoveryRequest(url, { [o.allowInsecureRequests]: url.protocol === "http:", signal })
      .then((res) => o.processDiscoveryResponse(url, res));
    found.catch(() => discoveries.delete(issuer));
    discoveries.set(issuer, found);
  }
  // A shared discovery started under another caller's deadline still honours ours.
  return Promise.race([
    found,
    new Promise<never>((_, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    }),
  ]);
}

const timedOut = (cause: unknown) =>
  cause instanceof DOMException && (cause.name === "TimeoutError" || cause.name === "AbortError");

/** Calls the portal under one deadline, as this client (private_key_jwt). */
async function withPortal<T>(
  opts: PortalClient,
  call: (as: o.AuthorizationServer, client: o.Client, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const signal = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const as = await discover(opts.issuer, signal);
  return call(as, { client_id: opts.clientId }, signal);
}

const insecure = (as: o.AuthorizationServer) => ({
  [o.allowInsecureRequests]: as.issuer.startsWith("http:"),
});

/**
 * One refresh_token grant at Jiko's portal, authenticated with private_key_jwt, within a
 * deadline. Jiko rotates refresh tokens and revokes the whole grant when a used one comes back,
 * so callers must never run two of these for one session at once (server/jiko/tokens.ts).
 */
export async function refreshAtJiko(
  opts: PortalClient & { refreshToken: string; now?: () => number },
): Promise<RefreshedTokens> {
  let result: o.TokenEndpointResponse;
  try {
    result = await withPortal(opts, async (as, client, signal) => {
      const res = await o.refreshTokenGrantRequest(
        as,
        client,
        o.PrivateKeyJwt(opts.key),
        opts.refreshToken,
        { ...insecure(as), signal },
      );
      return o.processRefreshTokenResponse(as, client, res);
    });
  } catch (cause) {
    if (
      cause instanceof o.ResponseBodyError &&
      ["invalid_grant", "invalid_client", "unauthorized_client"].includes(cause.error)
    ) {
      throw new JikoError("reauth-required", 401, `Jiko refused the refresh: ${cause.error}`, {
        cause,
      });
    }
    throw new JikoError(
      "unavailable",
      0,
      timedOut(cause)
        ? "Jiko's sign-in service did not answer in time"
        : "Could not refresh the session with Jiko",
      { cause },
    );
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

/**
 * Ends a grant at Jiko: the refresh token presented at Jiko's back-channel logout endpoint, which
 * ends the grant and every token of it. Within a deadline; a failure is the caller's to log, since
 * the tokens are forgotten here either way.
 */
export async function revokeAtJiko(opts: PortalClient & { refreshToken: string }): Promise<void> {
  await withPortal(opts, async (as, client, signal) => {
    const endpoint = backchannelLogoutEndpoint(as);
    if (!endpoint) throw new Error("Jiko's discovery document names no logout endpoint");
    const res = await o.revocationRequest(
      { ...as, revocation_endpoint: endpoint },
      client,
      o.PrivateKeyJwt(opts.key),
      opts.refreshToken,
      { ...insecure(as), signal, additionalParameters: { token_type_hint: "refresh_token" } },
    );
    await o.processRevocationResponse(res);
  });
}
