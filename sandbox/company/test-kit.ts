/**
 * Shared set-up of the company and application route tests: one sandbox per test file, a client
 * with the company scopes, tokens for the seeded admin (Avery) and read-only member (Morgan), and
 * a token of a client without them (for the scope checks). Filled in by `withCompanySandbox()`.
 */
import { afterAll, beforeAll } from "vitest";
import { SEED } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import {
  ALL_TEST_SCOPES,
  passwordTokens,
  registerTestClient,
  type TestClient,
} from "../testing/oauth-client";

export const COMPANY_SCOPES = `${ALL_TEST_SCOPES} customer.write agreements.read onboarding.read onboarding.write`;

export let sb: Sandbox;
export let client: TestClient;
export const tokens = { avery: "", morgan: "", narrow: "" };

export interface Reply {
  status: number;
  json: Record<string, unknown> & { detail?: unknown };
  text: string;
  headers: Headers;
}

export async function call(
  token: string,
  method: string,
  path: string,
  body?: unknown,
  raw?: { bytes: Uint8Array | FormData; contentType?: string },
): Promise<Reply> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let payload: BodyInit | undefined;
  if (raw) {
    if (raw.contentType) headers["content-type"] = raw.contentType;
    payload = raw.bytes as BodyInit;
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${sb.apiUrl}${path}`, {
    method,
    headers,
    body: payload,
    redirect: "manual",
  });
  const text = await res.text();
  let json: Reply["json"];
  try {
    json = JSON.parse(text);
  } catch {
    json = {};
  }
  return { status: res.status, json, text, headers: res.headers };
}

export const as = (who: keyof typeof tokens) => ({
  get: (p: string) => call(tokens[who], "GET", p),
  post: (p: string, b?: unknown) => call(tokens[who], "POST", p, b ?? {}),
  patch: (p: string, b: unknown) => call(tokens[who], "PATCH", p, b),
  upload: (p: string, bytes: Uint8Array | FormData, contentType?: string) =>
    call(tokens[who], "POST", p, undefined, { bytes, contentType }),
});

/** Minimal files whose first bytes are each type's signature. */
export const FILES = {
  png: new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ]),
  jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]),
  pdf: new TextEncoder().encode(
    "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
  ),
};

export function withCompanySandbox() {
  beforeAll(async () => {
    sb = await startSandbox({ apiPort: 0, portalPort: 0 });
    client = await registerTestClient(sb.portalUrl, { scope: COMPANY_SCOPES });
    const narrowClient = await registerTestClient(sb.portalUrl, {
      scope: "openid profile email customer.read",
    });
    const t = (email: string, c = client) =>
      passwordTokens({ portalUrl: sb.portalUrl, client: c, email });
    const [a, m, n] = await Promise.all([
      t(SEED.people.avery.email),
      t(SEED.people.morgan.email),
      t(SEED.people.avery.email, narrowClient),
    ]);
    tokens.avery = a.access_token;
    tokens.morgan = m.access_token;
    tokens.narrow = n.access_token;
  }, 60_000);
  afterAll(() => sb?.close());
}
