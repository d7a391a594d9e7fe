/**
 * Integration-test kit for server reads: the embedded sandbox and a person of its seeded team,
 * signed in through the real portal, as the Viewer those reads take (their Jiko client and who
 * they are at Jiko; nothing else is set).
 */
import type { Role } from "@/lib/jiko/roles";
import { type Sandbox, startSandbox } from "@/sandbox/server";
import { passwordTokens, registerTestClient } from "@/sandbox/testing/oauth-client";
import { createJikoClient } from "../jiko/client";
import type { Viewer } from "../viewer";

export const SEEDED_TEAM = "Harborline Treasury";

interface Person {
  email: string;
  teams: { team_id: string; team_name: string; role: string }[];
}

export async function sandboxViewer(role: Role): Promise<{ sandbox: Sandbox; viewer: Viewer }> {
  const sandbox = await startSandbox({ apiPort: 0, portalPort: 0 });
  const people = (await (await fetch(`${sandbox.apiUrl}/_sandbox/people`)).json()) as {
    items: Person[];
  };
  const person = people.items.find((p) =>
    p.teams.some((t) => t.team_name === SEEDED_TEAM && t.role === role),
  );
  if (!person) throw new Error(`the seed has no ${role} of ${SEEDED_TEAM}`);
  const { access_token } = await passwordTokens({
    portalUrl: sandbox.portalUrl,
    client: await registerTestClient(sandbox.portalUrl),
    email: person.email,
    teamId: person.teams.find((t) => t.team_name === SEEDED_TEAM)!.team_id,
  });
  const jiko = createJikoClient(
    { baseUrl: sandbox.apiUrl, timeoutMs: 5_000 },
    {
      get: async () => ({ accessToken: access_token, refreshToken: null, expiresAt: 0, scope: "" }),
    },
  );
  const user = await jiko.user();
  const viewer = { jiko, memberId: user.member_id, role: user.role } as unknown as Viewer;
  return { sandbox, viewer };
}
