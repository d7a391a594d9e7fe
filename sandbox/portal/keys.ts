/**
 * The portal's key material, created once and kept in the sandbox database so a restart neither
 * invalidates issued ID tokens' keys nor the signed portal cookies (no one is signed out).
 */
import { generateKeyPair, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { calculateJwkThumbprint, type JWK } from "jose";
import type { SandboxDb } from "../db/open";
import { secrets } from "../db/schema";

async function loadOrCreate<T>(db: SandboxDb, name: string, create: () => Promise<T>): Promise<T> {
  const [row] = await db.select().from(secrets).where(eq(secrets.name, name));
  if (row) return row.value as T;
  const value = await create();
  // Another start could not race us: one process owns a data folder.
  await db.insert(secrets).values({ name, value }).onConflictDoNothing();
  return value;
}

/** One RSA key: the portal signs ID tokens with RS256 or PS256 (Jiko's published algorithms). */
async function createSigningKeys(): Promise<{ keys: JWK[] }> {
  const { privateKey } = await promisify(generateKeyPair)("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" }) as JWK;
  const kid = await calculateJwkThumbprint(jwk);
  return { keys: [{ ...jwk, kid, use: "sig" }] };
}

export interface PortalKeys {
  jwks: { keys: JWK[] };
  cookieKeys: string[];
}

export async function portalKeys(db: SandboxDb): Promise<PortalKeys> {
  const jwks = await loadOrCreate(db, "portal_signing_jwks", createSigningKeys);
  const cookieKeys = await loadOrCreate(db, "portal_cookie_keys", async () => [
    randomBytes(32).toString("base64url"),
  ]);
  return { jwks, cookieKeys };
}
