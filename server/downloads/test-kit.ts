/**
 * Shared set-up of the download tests: an in-memory Jiko sandbox whose clock the test can push
 * forward (reports finish on it), and the dashboard's own Jiko client acting as a seeded person.
 */
import { type Sandbox, startSandbox } from "@/sandbox/server";
import {
  passwordTokens,
  registerTestClient,
  type TestClient,
} from "@/sandbox/testing/oauth-client";
import { createJikoClient, type JikoClient } from "../jiko/client";

export interface DownloadSandbox {
  sb: Sandbox;
  client: TestClient;
  /** Jiko's hosts as the dashboard would be configured for this sandbox. */
  origins: string[];
  /** The dashboard's client, signed in as `email` (password `jiko-sandbox` unless given). */
  jikoAs(email: string, password?: string): Promise<JikoClient>;
  /** Moves the sandbox clock forward (report requests age on it). */
  advance(ms: number): void;
}

export async function downloadSandbox(): Promise<DownloadSandbox> {
  let shift = 0;
  const sb = await startSandbox({
    apiPort: 0,
    portalPort: 0,
    now: () => new Date(Date.now() + shift),
  });
  const client = await registerTestClient(sb.portalUrl);
  return {
    sb,
    client,
    origins: [new URL(sb.apiUrl).origin, new URL(sb.portalUrl).origin],
    async jikoAs(email, password) {
      const { access_token: accessToken, scope } = await passwordTokens({
        portalUrl: sb.portalUrl,
        client,
        email,
        password,
      });
      return createJikoClient(
        { baseUrl: sb.apiUrl, timeoutMs: 10_000 },
        {
          get: async () => ({ accessToken, refreshToken: null, expiresAt: 0, scope: scope ?? "" }),
        },
      );
    },
    advance(ms) {
      shift += ms;
    },
  };
}
