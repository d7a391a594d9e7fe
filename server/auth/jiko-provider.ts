import "server-only";
import type { OIDCConfig } from "next-auth/providers";
import { DASHBOARD_SCOPES } from "@/lib/jiko/scopes";
import { env } from "../env";
import type { ClientKey } from "./client-key";

interface JikoClaims {
  sub: string;
  email?: string;
  name?: string;
}

export const JIKO_PROVIDER_ID = "jiko";

/**
 * Jiko's portal as an OpenID provider: authorization code with PKCE (S256) and state, the client
 * authenticating with private_key_jwt (Jiko takes no shared secrets), the profile read from the
 * userinfo endpoint because Jiko's ID token carries no profile claims when an access token is
 * issued with it.
 */
export function jikoProvider(key: ClientKey): OIDCConfig<JikoClaims> {
  const e = env();
  return {
    id: JIKO_PROVIDER_ID,
    name: "Jiko",
    type: "oidc",
    issuer: e.JIKO_ISSUER,
    clientId: e.JIKO_CLIENT_ID,
    client: { token_endpoint_auth_method: "private_key_jwt" },
    // `clientPrivateKey` is read by @auth/core's callback but missing from its types.
    token: { clientPrivateKey: key } as unknown as OIDCConfig<JikoClaims>["token"],
    checks: ["pkce", "state"],
    idToken: false,
    authorization: { params: { scope: DASHBOARD_SCOPES.join(" ") } },
    profile(claims) {
      return {
        id: claims.sub,
        name: claims.name ?? claims.email ?? claims.sub,
        email: claims.email ?? null,
      };
    },
  };
}
