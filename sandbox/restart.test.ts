import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "./server";
import {
  authorizeUrl,
  authorizeWithPassword,
  exchangeCode,
  follow,
  PortalBrowser,
  pkcePair,
  refresh,
  registerTestClient,
  tokenRequest,
} from "./testing/oauth-client";

const dir = mkdtempSync(path.join(tmpdir(), "jiko-sandbox-test-"));
const running: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(opts: Parameters<typeof startSandbox>[0]) {
  const sb = await startSandbox({ dataDir: dir, ...opts });
  running.push(sb);
  return sb;
}
const portOf = (url: string) => Number(new URL(url).port);

describe("a file-backed sandbox", () => {
  it("keeps clients, sessions and refresh tokens across a restart; --reset wipes them", async () => {
    const first = await start({ apiPort: 0, portalPort: 0 });
    const client = await registerTestClient(first.portalUrl);
    const browser = new PortalBrowser();
    const { code, codeVerifier } = await authorizeWithPassword({
      portalUrl: first.portalUrl,
      client,
      email: "avery.chen@harborline.example",
      password: "jiko-sandbox",
      browser,
    });
    const tokens = await exchangeCode({ portalUrl: first.portalUrl, client, code, codeVerifier });
    const keys = await (await fetch(`${first.portalUrl}/.well-known/jwks.json`)).json();
    await first.close();

    // Same ports: the issuer (the portal's origin) stays the same, as with `npm run sandbox`.
    const second = await start({
      apiPort: portOf(first.apiUrl),
      portalPort: portOf(first.portalUrl),
    });
    expect(second.portalUrl).toBe(first.portalUrl);
    expect(await (await fetch(`${second.portalUrl}/.well-known/jwks.json`)).json()).toEqual(keys);
    const user = await fetch(`${second.apiUrl}/api/v1/user/`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(user.status).toBe(200);
    const refreshed = await refresh({
      portalUrl: second.portalUrl,
      client,
      refreshToken: tokens.refresh_token!,
    });
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    // The portal session (signed cookies, stored session) survived too: SSO without a login page.
    const { codeChallenge } = pkcePair();
    const sso = await follow(
      browser,
      authorizeUrl(second.portalUrl, client, { state: "again", codeChallenge }),
      client.redirectUri,
    );
    expect("redirect" in sso && sso.redirect.searchParams.get("code")).toBeTruthy();

    // One sandbox per folder: a second one (even with --reset) is refused and wipes nothing.
    await expect(
      startSandbox({ dataDir: dir, apiPort: 0, portalPort: 0, reset: true }),
    ).rejects.toThrow(/in use/);
    const still = await fetch(`${second.portalUrl}/_sandbox/oauth-clients/${client.clientId}`);
    expect(still.status).toBe(200);
    await second.close();

    const wiped = await start({
      apiPort: portOf(first.apiUrl),
      portalPort: portOf(first.portalUrl),
      reset: true,
    });
    const lookup = await fetch(`${wiped.portalUrl}/_sandbox/oauth-clients/${client.clientId}`);
    expect(lookup.status).toBe(404);
    const dead = await tokenRequest(wiped.portalUrl, client, {
      grant_type: "refresh_token",
      refresh_token: refreshed.refresh_token!,
    });
    expect(dead.body.error).toBe("invalid_client");
    // The reseed gives the same ids.
    const people = await (await fetch(`${wiped.apiUrl}/_sandbox/people`)).json();
    expect(people.items).toHaveLength(7);
  }, 60_000);
});
