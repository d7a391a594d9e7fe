import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../server";
import {
  authorizeUrl,
  authorizeWithPassword,
  clientCredentials,
  exchangeCode,
  follow,
  generateClientKey,
  PortalBrowser,
  pkcePair,
  refresh,
  registerTestClient,
  type TestClient,
  tokenEndpointOf,
  tokenRequest,
} from "../testing/oauth-client";

const PASSWORD = "jiko-sandbox";
const AVERY = "avery.chen@harborline.example";

let sb: Sandbox;
let client: TestClient;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0 });
  client = await registerTestClient(sb.portalUrl);
}, 60_000);
afterAll(() => sb?.close());

const signIn = (c: TestClient = client, email = AVERY) =>
  authorizeWithPassword({ portalUrl: sb.portalUrl, client: c, email, password: PASSWORD });

const apiStatus = async (token: string) =>
  (await fetch(`${sb.apiUrl}/api/v1/user/`, { headers: { authorization: `Bearer ${token}` } }))
    .status;

describe("authorization response", () => {
  it("answers 303 See Other to the redirect URI with code, state and iss", async () => {
    const browser = new PortalBrowser();
    const { codeChallenge } = pkcePair();
    // Sign in once; the second authorization (no prompt) reuses the portal session and consent.
    await authorizeWithPassword({
      portalUrl: sb.portalUrl,
      client,
      email: AVERY,
      password: PASSWORD,
      browser,
    });
    const url = authorizeUrl(sb.portalUrl, client, { state: "s-303", codeChallenge });
    const step = await follow(browser, url, client.redirectUri);
    expect("redirect" in step).toBe(true);
    if (!("redirect" in step)) return;
    expect(step.status).toBe(303);
    expect(step.redirect.searchParams.get("code")).toBeTruthy();
    expect(step.redirect.searchParams.get("state")).toBe("s-303");
    expect(step.redirect.searchParams.get("iss")).toBe(sb.portalUrl);
  });

  it("requires PKCE at the authorization endpoint", async () => {
    const url = new URL(authorizeUrl(sb.portalUrl, client, { state: "x", codeChallenge: "c" }));
    url.searchParams.delete("code_challenge");
    url.searchParams.delete("code_challenge_method");
    const step = await follow(new PortalBrowser(), url.toString(), client.redirectUri);
    expect("redirect" in step && step.redirect.searchParams.get("error")).toBe("invalid_request");
  });
});

describe("token endpoint", () => {
  it("exchanges a code for Bearer tokens that expire in 900 s, with a refresh token", async () => {
    const { code, codeVerifier } = await signIn();
    const tokens = await exchangeCode({ portalUrl: sb.portalUrl, client, code, codeVerifier });
    expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 900 });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(await apiStatus(tokens.access_token)).toBe(200);
  });

  it("refuses a token request without code_verifier", async () => {
    const { code } = await signIn();
    const res = await tokenRequest(sb.portalUrl, client, {
      grant_type: "authorization_code",
      code,
      redirect_uri: client.redirectUri,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_grant");
  });

  it("refuses a wrong code_verifier", async () => {
    const { code } = await signIn();
    const res = await tokenRequest(sb.portalUrl, client, {
      grant_type: "authorization_code",
      code,
      code_verifier: pkcePair().codeVerifier,
      redirect_uri: client.redirectUri,
    });
    expect(res.body.error).toBe("invalid_grant");
  });

  it("refuses a client assertion signed by an unregistered key (invalid_client)", async () => {
    const { code, codeVerifier } = await signIn();
    const stranger = await generateClientKey("PS256");
    const res = await tokenRequest(
      sb.portalUrl,
      { ...client, privateKey: stranger.privateKey },
      { grant_type: "authorization_code", code, code_verifier: codeVerifier },
    );
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("invalid_client");
  });

  it("refuses client_secret_post", async () => {
    const res = await fetch(tokenEndpointOf(sb.portalUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: "whatever",
        client_id: client.clientId,
        client_secret: "a-shared-secret",
      }),
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe("invalid_client");
  });

  it("refuses an assertion for another audience", async () => {
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: client.alg, kid: client.kid })
      .setIssuer(client.clientId)
      .setSubject(client.clientId)
      .setAudience("https://elsewhere.example/token")
      .setJti(crypto.randomUUID())
      .setIssuedAt()
      .setExpirationTime("2m")
      .sign(client.privateKey);
    const res = await fetch(tokenEndpointOf(sb.portalUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: "x",
        client_id: client.clientId,
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: assertion,
      }),
    });
    expect((await res.json()).error).toBe("invalid_client");
  });

  it("accepts EdDSA client assertions", async () => {
    const ed = await registerTestClient(sb.portalUrl, { alg: "EdDSA" });
    const { code, codeVerifier } = await signIn(ed);
    const tokens = await exchangeCode({ portalUrl: sb.portalUrl, client: ed, code, codeVerifier });
    expect(await apiStatus(tokens.access_token)).toBe(200);
  });
});

describe("userinfo", () => {
  it("answers at /api/v1/user with OIDC claims and the token's team", async () => {
    const { code, codeVerifier } = await signIn();
    const tokens = await exchangeCode({ portalUrl: sb.portalUrl, client, code, codeVerifier });
    const res = await fetch(`${sb.portalUrl}/api/v1/user`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      email: AVERY,
      email_verified: true,
      phone_number: "+14155550101",
      name: "Avery Chen",
      role: "ADMIN",
      team_name: "Harborline Treasury",
    });
  });
});

describe("refresh tokens", () => {
  it("rotate: every refresh returns a new refresh token and a working access token", async () => {
    const { code, codeVerifier } = await signIn();
    const first = await exchangeCode({ portalUrl: sb.portalUrl, client, code, codeVerifier });
    const second = await refresh({
      portalUrl: sb.portalUrl,
      client,
      refreshToken: first.refresh_token!,
    });
    const third = await refresh({
      portalUrl: sb.portalUrl,
      client,
      refreshToken: second.refresh_token!,
    });
    const rts = [first.refresh_token, second.refresh_token, third.refresh_token];
    expect(new Set(rts).size).toBe(3);
    expect(third.expires_in).toBe(900);
    expect(await apiStatus(third.access_token)).toBe(200);
  });

  it("refuses a used refresh token and revokes the grant's newest tokens with it", async () => {
    const { code, codeVerifier } = await signIn();
    const first = await exchangeCode({ portalUrl: sb.portalUrl, client, code, codeVerifier });
    const second = await refresh({
      portalUrl: sb.portalUrl,
      client,
      refreshToken: first.refresh_token!,
    });
    expect(await apiStatus(second.access_token)).toBe(200);

    const reuse = await tokenRequest(sb.portalUrl, client, {
      grant_type: "refresh_token",
      refresh_token: first.refresh_token!,
    });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe("invalid_grant");

    const newest = await tokenRequest(sb.portalUrl, client, {
      grant_type: "refresh_token",
      refresh_token: second.refresh_token!,
    });
    expect(newest.body.error).toBe("invalid_grant");
    expect(await apiStatus(second.access_token)).toBe(401);
  });

  it("refuses a refresh token presented by another client", async () => {
    const other = await registerTestClient(sb.portalUrl);
    const { code, codeVerifier } = await signIn();
    const tokens = await exchangeCode({ portalUrl: sb.portalUrl, client, code, codeVerifier });
    const res = await tokenRequest(sb.portalUrl, other, {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token!,
    });
    expect(res.body.error).toBe("invalid_grant");
  });

  it("are not issued to clients without the refresh_token grant", async () => {
    const noRefresh = await registerTestClient(sb.portalUrl, {
      grant_types: ["authorization_code"],
    });
    const { code, codeVerifier } = await signIn(noRefresh);
    const tokens = await exchangeCode({
      portalUrl: sb.portalUrl,
      client: noRefresh,
      code,
      codeVerifier,
    });
    expect(tokens.refresh_token).toBeUndefined();
  });
});

describe("access token lifetime", () => {
  it("follows the configured TTL at issuance", async () => {
    sb.settings.accessTokenTtl = 1;
    try {
      const { code, codeVerifier } = await signIn();
      const tokens = await exchangeCode({ portalUrl: sb.portalUrl, client, code, codeVerifier });
      expect(tokens.expires_in).toBe(1);
      await new Promise((r) => setTimeout(r, 1200));
      expect(await apiStatus(tokens.access_token)).toBe(401);
      // The refresh token outlives it and mints a new one.
      const again = await refresh({
        portalUrl: sb.portalUrl,
        client,
        refreshToken: tokens.refresh_token!,
      });
      sb.settings.accessTokenTtl = 900;
      const later = await refresh({
        portalUrl: sb.portalUrl,
        client,
        refreshToken: again.refresh_token!,
      });
      expect(later.expires_in).toBe(900);
      expect(await apiStatus(later.access_token)).toBe(200);
    } finally {
      sb.settings.accessTokenTtl = 900;
    }
  });
});

describe("client credentials", () => {
  it("issue an access token for the client's team, without a refresh token", async () => {
    const machine = await registerTestClient(sb.portalUrl, {
      grant_types: ["client_credentials"],
      scope: "team.read customer.read",
    });
    const tokens = await clientCredentials({ portalUrl: sb.portalUrl, client: machine });
    expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 900 });
    expect(tokens.refresh_token).toBeUndefined();
    const team = await fetch(`${sb.apiUrl}/api/v1/team/`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(team.status).toBe(200);
    expect((await team.json()).team_name).toBe("Harborline Treasury");
    // No person behind the token: the user endpoint refuses.
    const user = await fetch(`${sb.apiUrl}/api/v1/user/`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(user.status).toBe(403);
  });
});

describe("revocation", () => {
  it("POST /_sandbox/revoke-grants ends every grant and token of a person", async () => {
    const sam = "sam.rivera@harborline.example";
    const a = await signIn(client, sam);
    const tokens = await exchangeCode({ portalUrl: sb.portalUrl, client, ...a });
    expect(await apiStatus(tokens.access_token)).toBe(200);
    const res = await fetch(`${sb.apiUrl}/_sandbox/revoke-grants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: sam }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).revoked).toBeGreaterThanOrEqual(1);
    expect(await apiStatus(tokens.access_token)).toBe(401);
    const again = await tokenRequest(sb.portalUrl, client, {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token!,
    });
    expect(again.body.error).toBe("invalid_grant");
  });

  it("the back-channel logout endpoint revokes the presented token's whole grant", async () => {
    const { code, codeVerifier } = await signIn();
    const tokens = await exchangeCode({ portalUrl: sb.portalUrl, client, code, codeVerifier });
    const endpoint = `${sb.portalUrl}/api/oauth2/logout`;
    const { clientAssertion } = await import("../testing/oauth-client");
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        token: tokens.refresh_token!,
        token_type_hint: "refresh_token",
        client_id: client.clientId,
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: await clientAssertion(client, endpoint),
      }),
    });
    expect(res.status).toBe(200);
    expect(await apiStatus(tokens.access_token)).toBe(401);
  });
});

describe("pushed authorization requests", () => {
  it("accept a signed-in client's request and return a request_uri", async () => {
    const endpoint = `${sb.portalUrl}/api/oauth2/par`;
    const { clientAssertion } = await import("../testing/oauth-client");
    const { codeChallenge } = pkcePair();
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        response_type: "code",
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        scope: "openid profile",
        state: "par",
        code_challenge: codeChallenge,
        code_challenge_method: "S256",
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: await clientAssertion(client, endpoint),
      }),
    });
    expect(res.status).toBe(201);
    expect((await res.json()).request_uri).toMatch(/^urn:ietf:params:oauth:request_uri:/);
  });
});
