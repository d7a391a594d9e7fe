import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { exportJWK, exportPKCS8, generateKeyPair } from "jose";
import { DASHBOARD_SCOPES } from "../../lib/jiko/scopes";
import { encryptSecret } from "../../server/crypto";
import type { Db } from "../../server/db/client";
import { webhookSecrets } from "../../server/db/schema";

interface StoredClient {
  client_id: string;
  kid: string;
  private_key_pem: string;
  redirect_uri: string;
  /** The scopes registered: a dashboard that asks for more registers again. */
  scope?: string;
}

/**
 * The dashboard's OAuth client at the embedded portal, registered the way a customer registers one
 * in Jiko's Settings page: a key pair made here, the public half sent, the private half kept under
 * the data folder. A reset portal (unknown client), a new app URL or new scopes get a new
 * registration.
 */
export async function ensureClient(
  portalUrl: string,
  appUrl: string,
  dataDir: string,
): Promise<StoredClient> {
  const file = path.join(dataDir, "app-client.json");
  const redirectUri = `${appUrl}/api/auth/callback/jiko`;
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as StoredClient;
    const res = await fetch(`${portalUrl}/_sandbox/oauth-clients/${stored.client_id}`);
    if (
      res.ok &&
      stored.redirect_uri === redirectUri &&
      stored.scope === DASHBOARD_SCOPES.join(" ")
    )
      return stored;
  }
  const { publicKey, privateKey } = await generateKeyPair("PS256", { extractable: true });
  const kid = randomBytes(8).toString("hex");
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "PS256", use: "sig" };
  const res = await fetch(`${portalUrl}/_sandbox/oauth-clients`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: "Treasury Desk",
      redirect_uris: [redirectUri],
      scope: DASHBOARD_SCOPES.join(" "),
      grant_types: ["authorization_code", "refresh_token"],
      jwks: { keys: [jwk] },
    }),
  });
  if (res.status !== 201)
    throw new Error(
      `registering the dashboard at the sandbox portal failed: ${res.status} ${await res.text()}`,
    );
  const { client_id } = (await res.json()) as { client_id: string };
  const stored: StoredClient = {
    client_id,
    kid,
    private_key_pem: await exportPKCS8(privateKey),
    redirect_uri: redirectUri,
    scope: DASHBOARD_SCOPES.join(" "),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  return stored;
}

/** A session secret kept under the data folder so a restart keeps everyone signed in. */
export function ensureSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(48).toString("base64url");
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

interface Person {
  email: string;
  name: string;
  status: string;
  teams: { team_name: string; role: string; member_status: string }[];
}

export async function seededPeople(apiUrl: string): Promise<Person[]> {
  const res = await fetch(`${apiUrl}/_sandbox/people`);
  if (!res.ok) return [];
  return ((await res.json()) as { items: Person[] }).items;
}

/**
 * Subscribes the dashboard to every customer of the embedded sandbox, the way an admin would in
 * Settings → Webhooks: one fresh shared secret, kept sealed in the dashboard's database (Jiko
 * never returns it). The sandbox replaces its earlier subscriptions to the same URL, and so do
 * we, so a restart leaves exactly one per customer.
 */
export async function subscribeDashboard(
  apiUrl: string,
  webhookUrl: string,
  database: Db,
  authSecrets: string[],
): Promise<number> {
  const secret = randomBytes(32).toString("base64url");
  const res = await fetch(`${apiUrl}/_sandbox/webhook-subscriptions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url: webhookUrl, shared_secret: secret }),
  });
  if (!res.ok) throw new Error(`subscribing the dashboard to the sandbox failed: ${res.status}`);
  const { items } = (await res.json()) as {
    items: { customer_id: string; subscription_id: string }[];
  };
  const sealed = encryptSecret(secret, authSecrets);
  await database.delete(webhookSecrets).where(eq(webhookSecrets.url, webhookUrl));
  if (items.length > 0) {
    await database.insert(webhookSecrets).values(
      items.map((i) => ({
        subscriptionId: i.subscription_id,
        customerId: i.customer_id,
        url: webhookUrl,
        secretSealed: sealed,
        enabled: 1,
      })),
    );
  }
  return items.length;
}
