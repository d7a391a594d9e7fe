import "server-only";
import { importPKCS8 } from "jose";
import { env } from "../env";

export interface ClientKey {
  key: CryptoKey;
  kid?: string;
}

let cached: Promise<ClientKey> | undefined;

/** The dashboard's private key for private_key_jwt client authentication at Jiko's portal. */
export function clientKey(): Promise<ClientKey> {
  cached ??= (async () => {
    const e = env();
    const key = (await importPKCS8(e.JIKO_CLIENT_PRIVATE_KEY, e.JIKO_CLIENT_KEY_ALG)) as CryptoKey;
    return { key, kid: e.JIKO_CLIENT_KEY_ID };
  })();
  return cached;
}
