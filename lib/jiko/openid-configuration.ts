/**
 * Jiko's published OpenID discovery document (sandbox issuer), verbatim. The emulated portal
 * serves exactly this with only the origin changed; tests compare it to the published file.
 */
export const JIKO_PUBLISHED_ISSUER = "https://authentication-portal.sandbox-api.jikoservices.com";

export const JIKO_OPENID_CONFIGURATION = {
  issuer: "https://authentication-portal.sandbox-api.jikoservices.com",
  authorization_endpoint:
    "https://authentication-portal.sandbox-api.jikoservices.com/api/oauth2/authorize",
  token_endpoint: "https://authentication-portal.sandbox-api.jikoservices.com/api/oauth2/token",
  userinfo_endpoint: "https://authentication-portal.sandbox-api.jikoservices.com/api/v1/user",
  jwks_uri: "https://authentication-portal.sandbox-api.jikoservices.com/.well-known/jwks.json",
  pushed_authorization_request_endpoint:
    "https://authentication-portal.sandbox-api.jikoservices.com/api/oauth2/par",
  x_jiko_backchannel_logout_endpoint:
    "https://authentication-portal.sandbox-api.jikoservices.com/api/oauth2/logout",
  scopes_supported: [
    "openid",
    "profile",
    "email",
    "phone",
    "pockets.read",
    "pockets.write",
    "transfers.read",
    "transfers.write",
    "customer.read",
    "customer.write",
    "team.read",
    "team.write",
    "onboarding.read",
    "onboarding.write",
    "agreements.read",
    "subscriptions.write",
    "subscriptions.read",
    "notifications.read",
    "notifications.write",
    "reports.read",
    "reports.write",
    "approval_rules.read",
    "approval_rules.write",
    "authorization_requests.read",
    "authorization_requests.write",
  ],
  response_types_supported: ["code", "id_token", "id_token token", "id_token code"],
  response_modes_supported: ["form_post"],
  grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
  subject_types_supported: ["public"],
  id_token_signing_alg_values_supported: ["RS256", "PS256"],
  token_endpoint_auth_signing_alg_values_supported: ["PS256", "EdDSA"],
  token_endpoint_auth_methods_supported: ["private_key_jwt"],
  claims_supported: [
    "sub",
    "iss",
    "email",
    "email_verified",
    "phone_number",
    "phone_number_verified",
    "name",
    "member_id",
    "partner_id",
  ],
  code_challenge_methods_supported: ["S256"],
  authorization_response_iss_parameter_supported: true,
  dpop_signing_alg_values_supported: ["EdDSA", "PS256", "ES256"],
  dpop_bound_access_tokens: false,
} as const;

/** The published document with its origin replaced, value for value. */
export function openidConfigurationFor(origin: string): Record<string, unknown> {
  const base = origin.replace(/\/$/, "");
  return JSON.parse(
    JSON.stringify(JIKO_OPENID_CONFIGURATION).replaceAll(JIKO_PUBLISHED_ISSUER, base),
  );
}

/** Paths on the portal, as published. */
export const PORTAL_PATHS = {
  authorization: "/api/oauth2/authorize",
  token: "/api/oauth2/token",
  userinfo: "/api/v1/user",
  jwks: "/.well-known/jwks.json",
  pushedAuthorizationRequest: "/api/oauth2/par",
  backchannelLogout: "/api/oauth2/logout",
} as const;
