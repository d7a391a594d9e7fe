/**
 * Test helpers for the sandbox portal, usable by the sandbox's tests and the app's integration
 * tests: register a private_key_jwt client, sign client assertions, and drive the real login pages
 * over HTTP (manual redirects, a tiny cookie jar) to get an authorization code.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import {
  alertText,
  follow,
  formAction,
  hiddenValue,
  PortalBrowser,
  sandboxCodeOf,
} from "./portal-browser";

export { follow, type PageStep, PortalBrowser, sandboxCodeOf } from "./portal-browser";

export type AssertionAlg = "PS256" | "EdDSA";

export interface TestClient {
  clientId: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  kid: string;
  alg: AssertionAlg;
  redirectUri: string;
  scope: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
}

export const ALL_TEST_SCOPES =
  "openid profile email phone customer.read team.read team.write pockets.read pockets.write transfers.read reports.read reports.write";

const b64url = (b: Buffer) => b.toString("base64url");

export async function generateClientKey(alg: AssertionAlg = "PS256") {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
  return { privateKey: privateKey as CryptoKey, publicJwk, kid };
}

/** Registers a client through `POST /_sandbox/oauth-clients` with a fresh key pair. */
export async function registerTestClient(
  portalUrl: string,
  opts: {
    scope?: string;
    grant_types?: string[];
    team_id?: string;
    alg?: AssertionAlg;
    client_name?: string;
    redirectUri?: string;
  } = {},
): Promise<TestClient> {
  const alg = opts.alg ?? "PS256";
  const key = await generateClientKey(alg);
  const redirectUri = opts.redirectUri ?? "http://localhost:3000/api/auth/callback/jiko";
  const grantTypes = opts.grant_types ?? ["authorization_code", "refresh_token"];
  const scope = opts.scope ?? ALL_TEST_SCOPES;
  const res = await fetch(new URL("/_sandbox/oauth-clients", portalUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: opts.client_name ?? "Treasury Desk (test)",
      redirect_uris: grantTypes.includes("authorization_code") ? [redirectUri] : [],
      scope,
      grant_types: grantTypes,
      jwks: { keys: [key.publicJwk] },
      ...(opts.team_id && { team_id: opts.team_id }),
    }),
  });
  const body = (await res.json()) as { client_id: string };
  if (res.status !== 201) {
    throw new Error(`client registration failed: ${res.status} ${JSON.stringify(body)}`);
  }
  return { clientId: body.client_id, ...key, alg, redirectUri, scope };
}

/** A private_key_jwt client assertion (Jiko's guide: iss = sub = client_id, aud = token URL). */
export async function clientAssertion(
  client: Pick<TestClient, "clientId" | "privateKey" | "kid" | "alg">,
  tokenEndpoint: string,
): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: client.alg, kid: client.kid, typ: "JWT" })
    .setIssuer(client.clientId)
    .setSubject(client.clientId)
    .setAudience(tokenEndpoint)
    .setJti(b64url(randomBytes(16)))
    .setIssuedAt()
    .setExpirationTime("2m")
    .sign(client.privateKey);
}

export const tokenEndpointOf = (portalUrl: string) =>
  new URL("/api/oauth2/token", portalUrl).toString();

/** POSTs to the token endpoint with client authentication; returns status and parsed body. */
export async function tokenRequest(
  portalUrl: string,
  client: TestClient,
  params: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const endpoint = tokenEndpointOf(portalUrl);
  const res = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: client.clientId,
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: await clientAssertion(client, endpoint),
      ...params,
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function expectTokens(p: ReturnType<typeof tokenRequest>): Promise<TokenResponse> {
  const { status, body } = await p;
  if (status !== 200) throw new Error(`token request failed: ${status} ${JSON.stringify(body)}`);
  return body as unknown as TokenResponse;
}

export function exchangeCode(o: {
  portalUrl: string;
  client: TestClient;
  code: string;
  codeVerifier: string;
}): Promise<TokenResponse> {
  return expectTokens(
    tokenRequest(o.portalUrl, o.client, {
      grant_type: "authorization_code",
      code: o.code,
      code_verifier: o.codeVerifier,
      redirect_uri: o.client.redirectUri,
    }),
  );
}

export function refresh(o: {
  portalUrl: string;
  client: TestClient;
  refreshToken: string;
}): Promise<TokenResponse> {
  return expectTokens(
    tokenRequest(o.portalUrl, o.client, {
      grant_type: "refresh_token",
      refresh_token: o.refreshToken,
    }),
  );
}

export function clientCredentials(o: {
  portalUrl: string;
  client: TestClient;
  scope?: string;
}): Promise<TokenResponse> {
  return expectTokens(
    tokenRequest(o.portalUrl, o.client, {
      grant_type: "client_credentials",
      ...(o.scope && { scope: o.scope }),
    }),
  );
}

export function pkcePair() {
  const codeVerifier = b64url(randomBytes(32));
  const codeChallenge = b64url(createHash("sha256").update(codeVerifier).digest());
  return { codeVerifier, codeChallenge };
}

export function authorizeUrl(
  portalUrl: string,
  client: TestClient,
  o: { scope?: string; teamId?: string; prompt?: string; state: string; codeChallenge: string },
) {
  const url = new URL("/api/oauth2/authorize", portalUrl);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: o.scope ?? client.scope,
    state: o.state,
    code_challenge: o.codeChallenge,
    code_challenge_method: "S256",
    ...(o.teamId && { team_id: o.teamId }),
    ...(o.prompt && { prompt: o.prompt }),
  }).toString();
  return url.toString();
}

/** Which form of the portal's pages to submit next, and with what. */
function nextForm(
  html: string,
  o: { email: string; password: string; teamId?: string; consent?: "grant" | "deny" },
): { action: string; form: Record<string, string> } | undefined {
  const verify = formAction(html, "verify");
  if (verify) {
    const code = sandboxCodeOf(html);
    if (!code) throw new Error("no sandbox code on the Verify login page");
    return { action: verify, form: { code } };
  }
  const login = formAction(html, "login");
  if (login) return { action: login, form: { email: o.email, password: o.password } };
  const team = formAction(html, "team");
  if (team) {
    const first = html.match(/name="team_id" value="([^"]+)"/)?.[1] ?? "";
    return { action: team, form: { team_id: o.teamId ?? first } };
  }
  const consent = formAction(html, "consent");
  if (consent) {
    const teamId = hiddenValue(html, "team_id") ?? "";
    return {
      action: consent,
      form: { team_id: teamId, agree: "yes", decision: o.consent ?? "grant" },
    };
  }
  return undefined;
}

/**
 * Signs in on the portal's pages like a person would (Log in → Verify login → team → consent)
 * and returns the authorization code with its PKCE verifier. Throws with the page's message when
 * the portal refuses (wrong password, deactivated account, access denied…).
 */
export async function authorizeWithPassword(o: {
  portalUrl: string;
  client: TestClient;
  email: string;
  password: string;
  scope?: string;
  teamId?: string;
  prompt?: string;
  browser?: PortalBrowser;
  consent?: "grant" | "deny";
}): Promise<{ code: string; codeVerifier: string; state: string; iss: string | null }> {
  const browser = o.browser ?? new PortalBrowser();
  const { codeVerifier, codeChallenge } = pkcePair();
  const state = b64url(randomBytes(12));
  const start = authorizeUrl(o.portalUrl, o.client, {
    scope: o.scope,
    teamId: o.teamId,
    prompt: o.prompt ?? "login",
    state,
    codeChallenge,
  });
  let step = await follow(browser, start, o.client.redirectUri);
  const submitted = new Set<string>();
  for (let i = 0; i < 12; i++) {
    if ("redirect" in step) {
      const p = step.redirect.searchParams;
      if (p.get("state") !== state) throw new Error("state mismatch in authorization response");
      const code = p.get("code");
      if (!code)
        throw new Error(
          `authorization failed: ${p.get("error")} ${p.get("error_description") ?? ""}`,
        );
      return { code, codeVerifier, state, iss: p.get("iss") };
    }
    const { html } = step.page;
    const base = step.page.url;
    const next = nextForm(html, o);
    if (!next) throw new Error(`portal stopped at "${alertText(html)}" (HTTP ${step.page.status})`);
    const { action, form } = next;
    // The same form coming back means the portal refused it: report its message.
    if (submitted.has(action) && /role="alert"/.test(html)) {
      throw new Error(`portal refused: ${alertText(html)}`);
    }
    submitted.add(action);
    step = await follow(browser, new URL(action, base).toString(), o.client.redirectUri, { form });
  }
  throw new Error("sign-in did not finish");
}

/** A seeded person signs in on the portal's pages and the client exchanges the code: their tokens. */
export async function passwordTokens(o: {
  portalUrl: string;
  client: TestClient;
  email: string;
  password?: string;
  teamId?: string;
}): Promise<TokenResponse> {
  const { code, codeVerifier } = await authorizeWithPassword({
    portalUrl: o.portalUrl,
    client: o.client,
    email: o.email,
    password: o.password ?? "jiko-sandbox",
    teamId: o.teamId,
  });
  return exchangeCode({ portalUrl: o.portalUrl, client: o.client, code, codeVerifier });
}

/**
 * A sandbox on its own ports with one test client, and an access token per email: the usual
 * start of an API test. `now` pins (or runs) the sandbox clock.
 */
export async function sandboxWithTokens<S extends { portalUrl: string }, E extends string>(
  start: (o: { apiPort: 0; portalPort: 0; now: () => Date }) => Promise<S>,
  now: () => Date,
  emails: readonly E[],
) {
  const sb = await start({ apiPort: 0, portalPort: 0, now });
  const client = await registerTestClient(sb.portalUrl);
  const tokens = {} as Record<E, string>;
  for (const email of emails) {
    tokens[email] = (await passwordTokens({ portalUrl: sb.portalUrl, client, email })).access_token;
  }
  return { sb, tokens };
}
