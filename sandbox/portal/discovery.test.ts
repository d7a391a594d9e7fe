import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBody } from "../../lib/jiko/common";
import { JIKO_PUBLISHED_ISSUER } from "../../lib/jiko/openid-configuration";
import { SEED } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { generateClientKey } from "../testing/oauth-client";

// The published document lives beside the repository (../shared/jiko from the repo root).
const PUBLISHED = path.resolve(process.cwd(), "../shared/jiko/openid-configuration.json");

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0 });
}, 60_000);
afterAll(() => sb?.close());

const postClient = (body: unknown) =>
  fetch(`${sb.portalUrl}/_sandbox/oauth-clients`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("discovery", () => {
  it.skipIf(!existsSync(PUBLISHED))(
    "equals Jiko's published document but for the origin",
    async () => {
      const published = JSON.parse(
        readFileSync(PUBLISHED, "utf8").replaceAll(JIKO_PUBLISHED_ISSUER, sb.portalUrl),
      );
      const res = await fetch(`${sb.portalUrl}/.well-known/openid-configuration`);
      expect(res.status).toBe(200);
      expect(await res.json()).toStrictEqual(published);
    },
  );

  it("names the portal's real origin as issuer", async () => {
    const doc = await (await fetch(`${sb.portalUrl}/.well-known/openid-configuration`)).json();
    expect(doc.issuer).toBe(sb.portalUrl);
    expect(doc.token_endpoint).toBe(`${sb.portalUrl}/api/oauth2/token`);
  });

  it("serves the signing keys at the published jwks_uri, public parts only", async () => {
    const res = await fetch(`${sb.portalUrl}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: Array<Record<string, unknown>> };
    expect(keys.length).toBeGreaterThan(0);
    expect(keys[0]).toMatchObject({ kty: "RSA", use: "sig" });
    expect(keys[0]).not.toHaveProperty("d");
  });
});

describe("POST /_sandbox/oauth-clients", () => {
  it("registers a private_key_jwt client for the seeded team and reads it back", async () => {
    const key = await generateClientKey("EdDSA");
    const res = await postClient({
      client_name: "Treasury Desk",
      redirect_uris: ["http://localhost:3000/api/auth/callback/jiko"],
      scope: "openid profile team.read",
      grant_types: ["authorization_code", "refresh_token"],
      jwks: { keys: [key.publicJwk] },
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toStrictEqual({
      client_id: expect.any(String),
      client_name: "Treasury Desk",
      redirect_uris: ["http://localhost:3000/api/auth/callback/jiko"],
      scope: "openid profile team.read",
      grant_types: ["authorization_code", "refresh_token"],
      team_id: SEED.teams.us,
      token_endpoint_auth_method: "private_key_jwt",
    });
    const read = await fetch(`${sb.portalUrl}/_sandbox/oauth-clients/${created.client_id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toStrictEqual(created);
  });

  it("answers 404 for an unknown client", async () => {
    const res = await fetch(`${sb.portalUrl}/_sandbox/oauth-clients/nope-nope-nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toStrictEqual({ detail: "Not Found" });
  });

  it("refuses bad input with FastAPI's 422 shape", async () => {
    const key = await generateClientKey("PS256");
    const res = await postClient({
      redirect_uris: ["not a url"],
      scope: "openid unknown.scope",
      grant_types: ["authorization_code", "password"],
      jwks: { keys: [key.publicJwk] },
    });
    expect(res.status).toBe(422);
    const body = ErrorBody.parse(await res.json());
    const locs = (body.detail as Array<{ loc: unknown[]; type: string }>).map((d) =>
      d.loc.join("."),
    );
    expect(locs).toEqual(
      expect.arrayContaining([
        "body.client_name",
        "body.redirect_uris.0",
        "body.scope",
        "body.grant_types.1",
      ]),
    );
    const missing = (body.detail as Array<{ loc: unknown[]; type: string }>).find(
      (d) => d.loc.join(".") === "body.client_name",
    );
    expect(missing).toMatchObject({ type: "missing", msg: "Field required" });
  });

  it("refuses private keys, unknown teams and invalid JSON", async () => {
    const { privateKey, kid } = await generateClientKey("PS256");
    const { exportJWK } = await import("jose");
    const priv = { ...(await exportJWK(privateKey)), kid };
    const base = {
      client_name: "x",
      redirect_uris: ["http://localhost:3000/cb"],
      scope: "openid",
      grant_types: ["authorization_code"],
    };
    expect((await postClient({ ...base, jwks: { keys: [priv] } })).status).toBe(422);
    const unknownTeam = await postClient({
      ...base,
      jwks: { keys: [(await generateClientKey()).publicJwk] },
      team_id: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknownTeam.status).toBe(422);
    const notJson = await postClient("{not json");
    expect(notJson.status).toBe(422);
    expect((await notJson.json()).detail[0].type).toBe("json_invalid");
  });

  it("refuses an authorization-code client without a redirect URI", async () => {
    const res = await postClient({
      client_name: "x",
      scope: "openid",
      grant_types: ["authorization_code"],
      jwks: { keys: [(await generateClientKey()).publicJwk] },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).detail[0].loc).toEqual(["body", "redirect_uris"]);
  });
});
