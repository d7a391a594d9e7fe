/**
 * Shared set-up of the company tests: an in-memory Jiko sandbox and the dashboard's own Jiko
 * client signed in as a seeded person, with the scopes the dashboard asks for the company.
 */
import { afterAll, beforeAll } from "vitest";
import { type Sandbox, startSandbox } from "@/sandbox/server";
import {
  ALL_TEST_SCOPES,
  passwordTokens,
  registerTestClient,
  type TestClient,
} from "@/sandbox/testing/oauth-client";
import { createJikoClient, type JikoClient } from "../jiko/client";

const SCOPES = `${ALL_TEST_SCOPES} customer.write agreements.read`;

export interface CompanyKit {
  sb: Sandbox;
  /** Jiko's hosts as the dashboard would be configured for this sandbox. */
  origins: string[];
  jikoAs(email: string): Promise<JikoClient>;
}

/** One sandbox per test file, started before its tests and closed after them. */
export function withCompanyKit(): CompanyKit {
  const kit = {} as CompanyKit;
  let client: TestClient;
  beforeAll(async () => {
    kit.sb = await startSandbox({ apiPort: 0, portalPort: 0 });
    kit.origins = [new URL(kit.sb.apiUrl).origin, new URL(kit.sb.portalUrl).origin];
    client = await registerTestClient(kit.sb.portalUrl, { scope: SCOPES });
    kit.jikoAs = async (email) => {
      const { access_token: accessToken, scope } = await passwordTokens({
        portalUrl: kit.sb.portalUrl,
        client,
        email,
      });
      return createJikoClient(
        { baseUrl: kit.sb.apiUrl, timeoutMs: 10_000 },
        {
          get: async () => ({ accessToken, refreshToken: null, expiresAt: 0, scope: scope ?? "" }),
        },
      );
    };
  }, 120_000);
  afterAll(() => kit.sb?.close());
  return kit;
}
