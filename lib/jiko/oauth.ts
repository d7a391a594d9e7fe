/** OAuth facts the dashboard and the emulated portal share. */

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 90 * 24 * 60 * 60;

/**
 * INFERRED: the authorization parameter that asks the portal to grant access for one of the
 * person's teams. Jiko's consent screen names a single team, so a token is taken to act for one
 * team; a person in several teams switches by authorizing again for another. Jiko does not
 * document how the team is chosen; a portal that does not know this parameter ignores it and lets
 * the person choose.
 */
export const TEAM_AUTHORIZATION_PARAM = "team_id";

export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/**
 * INFERRED: how a client ends a grant. Jiko's discovery document publishes
 * `x_jiko_backchannel_logout_endpoint` (and no `revocation_endpoint`) without documenting its
 * request; the client presents its refresh token there as an RFC 7009 revocation request
 * (`token`, `token_type_hint=refresh_token`, private_key_jwt), which ends the whole grant.
 */
export function backchannelLogoutEndpoint(discovery: {
  x_jiko_backchannel_logout_endpoint?: unknown;
  revocation_endpoint?: unknown;
}): string | undefined {
  const found = discovery.x_jiko_backchannel_logout_endpoint ?? discovery.revocation_endpoint;
  return typeof found === "string" ? found : undefined;
}
