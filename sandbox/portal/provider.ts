/**
 * The authentication portal's OpenID provider (oidc-provider 9) configured like Jiko's published
 * metadata: PKCE S256 required, private_key_jwt only (PS256/EdDSA), rotating refresh tokens for
 * authorization-code clients, client credentials, PAR, Jiko's paths.
 */
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { REFRESH_TOKEN_TTL_SECONDS, TEAM_AUTHORIZATION_PARAM } from "../../lib/jiko/oauth";
import { openidConfigurationFor, PORTAL_PATHS } from "../../lib/jiko/openid-configuration";
import { SCOPES } from "../../lib/jiko/scopes";
import type { SandboxDb } from "../db/open";
import { findPerson, membershipIn } from "../directory";
import type { Logger } from "../log";
import { adapterFactory } from "./adapter";
import { clientTeamId, grantBinding } from "./grants";
import type { PortalKeys } from "./keys";
import { recordProviderEvents } from "./oauth-events";
import { errorPage } from "./pages";

export interface ProviderSettings {
  /** Read at every issuance, so tests can shorten it on a running sandbox. */
  accessTokenTtl: number;
}

export const INTERACTION_PATH = "/interaction";

/** Claims per scope. `profile` also carries the Jiko UserInfo fields (userinfo is /api/v1/user). */
const CLAIMS = {
  openid: ["sub"],
  email: ["email", "email_verified"],
  phone: ["phone_number", "phone_number_verified"],
  profile: [
    "name",
    "first_name",
    "last_name",
    "user_id",
    "member_id",
    "role",
    "team_id",
    "team_name",
    "customer_id",
    "object_type",
  ],
};

function tokenGrantId(ctx: KoaContextWithOIDC | undefined, token?: { grantId?: string }) {
  return token?.grantId ?? ctx?.oidc?.entities?.Grant?.jti;
}

export function createProvider(o: {
  issuer: string;
  db: SandboxDb;
  keys: PortalKeys;
  settings: ProviderSettings;
  log: Logger;
}): Provider {
  const { db, settings } = o;
  const accessTokenTtl = () => settings.accessTokenTtl;

  const configuration: Configuration = {
    adapter: adapterFactory(db),
    jwks: o.keys.jwks as Configuration["jwks"],
    cookies: { keys: o.keys.cookieKeys },

    clientAuthMethods: ["private_key_jwt"],
    enabledJWA: {
      clientAuthSigningAlgValues: ["PS256", "EdDSA"],
      idTokenSigningAlgValues: ["RS256", "PS256"],
    },
    clientDefaults: {
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "private_key_jwt",
      id_token_signed_response_alg: "RS256",
    },
    pkce: { required: () => true },
    scopes: [...SCOPES],
    claims: CLAIMS,
    extraParams: [TEAM_AUTHORIZATION_PARAM],
    responseTypes: ["code", "id_token", "code id_token"],

    routes: {
      authorization: PORTAL_PATHS.authorization,
      token: PORTAL_PATHS.token,
      userinfo: PORTAL_PATHS.userinfo,
      jwks: PORTAL_PATHS.jwks,
      pushed_authorization_request: PORTAL_PATHS.pushedAuthorizationRequest,
      // Jiko's back-channel logout endpoint, served as token revocation: the client presents a
      // refresh or access token and the whole grant ends (see revokeGrantPolicy).
      revocation: PORTAL_PATHS.backchannelLogout,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      pushedAuthorizationRequests: { enabled: true },
      userinfo: { enabled: true },
      revocation: {
        enabled: true,
        // A client ends only its own grants.
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
    },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },

    // Tokens live on after the portal session ends (Jiko: 90-day refresh tokens); prompt=login
    // replaces the session at every dashboard sign-in and must not kill earlier tokens.
    expiresWithSession: () => false,
    // No dependency on offline_access: every code grant of a refresh-token client gets one.
    issueRefreshToken: (_ctx, client, code) =>
      client.grantTypeAllowed("refresh_token") && code.kind === "AuthorizationCode",
    rotateRefreshToken: true,
    revokeGrantPolicy: () => true,
    // Every authorization picks its team on the portal, so never reuse the session's last grant;
    // only the grant our consent step just created (interaction result).
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    clientBasedCORS: () => false,

    ttl: {
      AccessToken: accessTokenTtl,
      ClientCredentials: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: REFRESH_TOKEN_TTL_SECONDS,
      // Outlives any rotation chain a test or a dev machine will see; refresh tokens slide.
      Grant: 365 * 24 * 60 * 60,
      Interaction: 30 * 60,
      Session: 14 * 24 * 60 * 60,
    },

    async findAccount(ctx, sub, token) {
      const person = await findPerson(db, sub);
      if (!person) return undefined;
      const grantId = tokenGrantId(ctx, token as { grantId?: string } | undefined);
      const binding = grantId ? await grantBinding(db, grantId) : undefined;
      const membership = binding ? await membershipIn(db, person.id, binding.teamId) : undefined;
      // A grant whose member left the team (or was deactivated) no longer names an account:
      // refreshing it fails with invalid_grant.
      if (binding && membership?.member.status !== "ACTIVE") return undefined;
      return {
        accountId: person.id,
        claims: () => ({
          sub: person.id,
          email: person.email,
          email_verified: true,
          phone_number: person.phoneNumber ?? undefined,
          phone_number_verified: person.phoneNumber ? true : undefined,
          name: `${person.firstName} ${person.lastName}`,
          first_name: person.firstName,
          last_name: person.lastName,
          user_id: person.id,
          ...(membership && {
            member_id: membership.member.id,
            role: membership.member.role,
            team_id: membership.team.id,
            team_name: membership.team.name,
            customer_id: membership.customer.id,
            object_type: "UserInfo",
          }),
        }),
      };
    },

    async extraTokenClaims(_ctx, token) {
      if (token.kind === "ClientCredentials") {
        const teamId = token.clientId ? await clientTeamId(db, token.clientId) : undefined;
        return teamId ? { team_id: teamId } : undefined;
      }
      const binding = token.grantId ? await grantBinding(db, token.grantId) : undefined;
      return binding ? { team_id: binding.teamId, member_id: binding.memberId } : undefined;
    },

    async renderError(ctx, out, error) {
      o.log.info({ err: (error as Error).message, path: ctx.path }, "portal error page");
      ctx.type = "html";
      ctx.body = errorPage({
        title: "Something went wrong",
        message:
          out.error_description ??
          "The sign-in request could not be processed. Go back to the application and try again.",
        detail: out.error ? `Error: ${out.error}` : undefined,
      });
    },
  };

  const provider = new Provider(o.issuer, configuration);
  recordProviderEvents(provider, db, o.log);

  // Serve Jiko's discovery document verbatim but for the origin: the library emits its own
  // keys (end_session, claims_parameter_supported, …) and lacks Jiko's x_jiko_* field.
  const discovery = openidConfigurationFor(o.issuer);
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === "/.well-known/openid-configuration" && ctx.status === 200) {
      ctx.body = discovery;
    }
  });

  return provider;
}
