import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TeamResponse } from "../../lib/jiko/team";
import { interactionStates } from "../db/schema";
import { SEED } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import {
  authorizeUrl,
  authorizeWithPassword,
  exchangeCode,
  follow,
  type PageStep,
  PortalBrowser,
  pkcePair,
  registerTestClient,
  sandboxCodeOf,
  type TestClient,
} from "../testing/oauth-client";
import { MESSAGES } from "./interactions";

const PASSWORD = "jiko-sandbox";
const AVERY = "avery.chen@harborline.example";

let sb: Sandbox;
let client: TestClient;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0 });
  client = await registerTestClient(sb.portalUrl, { client_name: "Treasury Desk" });
}, 60_000);
afterAll(() => sb?.close());

type Step = Awaited<ReturnType<typeof follow>>;

function page(step: Step): PageStep {
  if (!("page" in step)) throw new Error(`expected a page, got a redirect to ${step.redirect}`);
  return step.page;
}
function redirect(step: Step): URL {
  if (!("redirect" in step)) throw new Error(`expected a redirect, got page ${step.page.html}`);
  return step.redirect;
}
const actionOf = (p: PageStep, name: string) => {
  const m = p.html.match(new RegExp(`action="(/interaction/[^"/]+/${name})"`));
  if (!m) throw new Error(`no ${name} form on the page: ${p.html.slice(0, 400)}`);
  return new URL(m[1]!, p.url).toString();
};

function begin(
  o: { browser?: PortalBrowser; c?: TestClient; teamId?: string; prompt?: string | null } = {},
) {
  const browser = o.browser ?? new PortalBrowser();
  const c = o.c ?? client;
  const { codeChallenge, codeVerifier } = pkcePair();
  const url = authorizeUrl(sb.portalUrl, c, {
    state: "st",
    codeChallenge,
    teamId: o.teamId,
    prompt: o.prompt === null ? undefined : (o.prompt ?? "login"),
  });
  return { browser, c, codeVerifier, first: follow(browser, url, c.redirectUri) };
}

const submit = (
  browser: PortalBrowser,
  c: TestClient,
  p: PageStep,
  name: string,
  form: Record<string, string>,
) => follow(browser, actionOf(p, name), c.redirectUri, { form });

/** Log in → Verify, returning whatever comes after the code. */
async function loginAndVerify(email: string, o: Parameters<typeof begin>[0] = {}) {
  const { browser, c, first, codeVerifier } = begin(o);
  const login = page(await first);
  const verify = page(await submit(browser, c, login, "login", { email, password: PASSWORD }));
  const after = await submit(browser, c, verify, "verify", { code: sandboxCodeOf(verify.html)! });
  return { browser, c, after, codeVerifier };
}

describe("Log in", () => {
  it("shows Jiko's login form with labelled fields and the sandbox badge", async () => {
    const p = page(await begin().first);
    expect(p.status).toBe(200);
    expect(p.html).toContain("<h1>Log in</h1>");
    expect(p.html).toMatch(
      /<label for="email">Email<\/label>\s*<input id="email" name="email" type="email"/,
    );
    expect(p.html).toMatch(
      /<label for="password">Password<\/label>\s*<input id="password" name="password" type="password"/,
    );
    expect(p.html).toContain(">Sign in</button>");
    expect(p.html).toContain("Jiko sandbox");
  });

  it("refuses a wrong password and keeps the email", async () => {
    const { browser, c, first } = begin();
    const p = page(
      await submit(browser, c, page(await first), "login", {
        email: AVERY,
        password: "wrong-password",
      }),
    );
    expect(p.html).toContain(MESSAGES.badCredentials);
    expect(p.html).toContain(`value="${AVERY}"`);
    expect(p.html).toContain("<h1>Log in</h1>");
  });

  it("gives the same answer for an unknown email", async () => {
    const { browser, c, first } = begin();
    const p = page(
      await submit(browser, c, page(await first), "login", {
        email: "nobody@harborline.example",
        password: PASSWORD,
      }),
    );
    expect(p.html).toContain("Incorrect email or password.");
  });

  it("refuses a deactivated member with a clear message", async () => {
    const { browser, c, first } = begin();
    const p = page(
      await submit(browser, c, page(await first), "login", {
        email: "casey.nguyen@harborline.example",
        password: PASSWORD,
      }),
    );
    expect(p.status).toBe(403);
    expect(p.html).toContain(
      "This account has been deactivated. Ask an admin of your team to restore access.",
    );
  });

  it("explains that a pending invitation cannot sign in yet", async () => {
    const { browser, c, first } = begin();
    const p = page(
      await submit(browser, c, page(await first), "login", {
        email: "taylor.brooks@harborline.example",
        password: PASSWORD,
      }),
    );
    expect(p.html).toContain(MESSAGES.pendingInvite);
  });
});

describe("Verify login", () => {
  it("asks for the 6-digit code, shows it in the sandbox box and writes it to the outbox", async () => {
    const { browser, c, first } = begin();
    const p = page(
      await submit(browser, c, page(await first), "login", { email: AVERY, password: PASSWORD }),
    );
    expect(p.html).toContain("<h1>Verify login</h1>");
    expect(p.html).toContain("Enter the 6-digit code we sent to your phone");
    expect(p.html).toMatch(/<label for="code">Verification code<\/label>/);
    expect(p.html).toContain('inputmode="numeric"');
    expect(p.html).toContain('autocomplete="one-time-code"');
    expect(p.html).toContain(">Verify</button>");
    const code = sandboxCodeOf(p.html);
    expect(code).toMatch(/^\d{6}$/);
    const outbox = await (await fetch(`${sb.apiUrl}/_sandbox/outbox?to=%2B14155550101`)).json();
    expect(outbox.items[0]).toMatchObject({ kind: "sms", to: "+14155550101" });
    expect(outbox.items[0].body).toContain(code);
  });

  it("refuses a wrong code, and ends the attempt after 5 wrong codes", async () => {
    const { browser, c, first } = begin();
    const verify = page(
      await submit(browser, c, page(await first), "login", { email: AVERY, password: PASSWORD }),
    );
    const right = sandboxCodeOf(verify.html)!;
    const wrong = right === "000000" ? "111111" : "000000";
    let p = verify;
    for (let i = 1; i <= 4; i++) {
      p = page(await submit(browser, c, p, "verify", { code: wrong }));
      expect(p.html).toContain("That code is not correct. Check it and try again.");
      expect(sandboxCodeOf(p.html)).toBe(right);
    }
    p = page(await submit(browser, c, p, "verify", { code: wrong }));
    expect(p.html).toContain("<h1>Log in</h1>");
    expect(p.html).toContain(MESSAGES.tooManyCodes);
    // The old code is dead: posting it now only brings back the login page.
    const again = page(
      await follow(browser, actionOf(verify, "verify"), c.redirectUri, { form: { code: right } }),
    );
    expect(again.html).toContain("<h1>Log in</h1>");
  });
});

describe("code expiry", () => {
  it("refuses a code older than 10 minutes and asks to sign in again", async () => {
    const { browser, c, first } = begin();
    const verify = page(
      await submit(browser, c, page(await first), "login", { email: AVERY, password: PASSWORD }),
    );
    const uid = actionOf(verify, "verify").split("/").at(-2)!;
    const [state] = await sb.db
      .select()
      .from(interactionStates)
      .where(eq(interactionStates.uid, uid));
    const minutes = (state!.codeExpiresAt!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9.9);
    expect(minutes).toBeLessThanOrEqual(10);
    await sb.db
      .update(interactionStates)
      .set({ codeExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(interactionStates.uid, uid));
    const p = page(
      await submit(browser, c, verify, "verify", { code: sandboxCodeOf(verify.html)! }),
    );
    expect(p.html).toContain("<h1>Log in</h1>");
    expect(p.html).toContain(MESSAGES.codeExpired);
  });
});

describe("consent", () => {
  it("names the client and the team, lists the pockets, and needs the agreement box", async () => {
    const { browser, c, after } = await loginAndVerify(AVERY);
    const p = page(after);
    expect(p.html).toContain("Treasury Desk is requesting access to your Jiko data");
    expect(p.html).toContain(
      "By granting access, you're giving Harborline Treasury permission to view the balances, holdings, transactions, and trades of the Jiko Pockets listed below.",
    );
    for (const name of [
      "Operating Reserve (4-week)",
      "Payroll (13-week)",
      "Tax Reserve (26-week)",
      "Strategic Reserve (52-week)",
    ]) {
      expect(p.html).toContain(name);
    }
    // Each with its balance (the ledger's total value), formatted in USD.
    expect(p.html).toMatch(
      /Payroll \(13-week\)<\/span><span class="muted">\$[\d,]+\.\d{2} · 13-week T-bills/,
    );
    expect(p.html).toMatch(
      /<label for="agree">I agree to Jiko's Privacy Policy and Terms of Use<\/label>/,
    );
    expect(p.html).toContain(">Deny access</button>");
    expect(p.html).toContain(">Grant access</button>");

    const refused = page(
      await submit(browser, c, p, "consent", { team_id: SEED.teams.us, decision: "grant" }),
    );
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(MESSAGES.mustAgree);

    const done = redirect(
      await submit(browser, c, refused, "consent", {
        team_id: SEED.teams.us,
        decision: "grant",
        agree: "yes",
      }),
    );
    expect(done.searchParams.get("code")).toBeTruthy();
  });

  it("Deny access sends access_denied to the client", async () => {
    const other = await registerTestClient(sb.portalUrl, { client_name: "Other App" });
    const { browser, c, after } = await loginAndVerify("morgan.lee@harborline.example", {
      c: other,
    });
    const p = page(after);
    expect(p.html).toContain("Other App is requesting access");
    const denied = redirect(
      await submit(browser, c, p, "consent", { team_id: SEED.teams.us, decision: "deny" }),
    );
    expect(denied.searchParams.get("error")).toBe("access_denied");
    expect(denied.searchParams.get("state")).toBe("st");
    expect(denied.searchParams.get("code")).toBeNull();
  });

  it("is asked once per client + person + team", async () => {
    const fresh = await registerTestClient(sb.portalUrl);
    await authorizeWithPassword({
      portalUrl: sb.portalUrl,
      client: fresh,
      email: AVERY,
      password: PASSWORD,
    });
    const { after } = await loginAndVerify(AVERY, { c: fresh });
    expect(redirect(after).searchParams.get("code")).toBeTruthy();
  });
});

describe("sessions", () => {
  it("prompt=login shows the login page despite a live portal session; no prompt reuses it", async () => {
    const browser = new PortalBrowser();
    await authorizeWithPassword({
      portalUrl: sb.portalUrl,
      client,
      email: AVERY,
      password: PASSWORD,
      browser,
    });
    const forced = page(await begin({ browser, prompt: "login" }).first);
    expect(forced.html).toContain("<h1>Log in</h1>");
    const sso = redirect(await begin({ browser, prompt: null }).first);
    expect(sso.searchParams.get("code")).toBeTruthy();
  });
});

describe("teams", () => {
  it("lets a person in several teams choose, then binds the token to that team", async () => {
    const c = await registerTestClient(sb.portalUrl);
    const { browser, after } = await loginAndVerify("jordan.patel@harborline.example", { c });
    const choice = page(after);
    expect(choice.html).toContain("<h1>Choose a team</h1>");
    expect(choice.html).toContain("Harborline Treasury");
    expect(choice.html).toContain("Harborline Europe");
    const consent = page(await submit(browser, c, choice, "team", { team_id: SEED.teams.eu }));
    expect(consent.html).toContain("you're giving Harborline Europe permission");
    expect(consent.html).toContain("EU Operating (4-week)");
    expect(
      redirect(
        await submit(browser, c, consent, "consent", {
          team_id: SEED.teams.eu,
          decision: "grant",
          agree: "yes",
        }),
      ).searchParams.get("code"),
    ).toBeTruthy();

    // Next time the most recent team is the default: no choice, no consent, a Europe token.
    const again = await loginAndVerify("jordan.patel@harborline.example", { c });
    const tokens = await exchangeCode({
      portalUrl: sb.portalUrl,
      client: c,
      code: redirect(again.after).searchParams.get("code")!,
      codeVerifier: again.codeVerifier,
    });
    const user = await fetch(`${sb.apiUrl}/api/v1/user/`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await user.json()).toMatchObject({ team_id: SEED.teams.eu, role: "ADMIN" });
  });

  it("refuses a team_id the person is not an active member of", async () => {
    const { after } = await loginAndVerify(AVERY, { teamId: SEED.teams.eu });
    const p = page(after);
    expect(p.status).toBe(403);
    expect(p.html).toContain("No access to this team");
  });

  it("records the login on the person's memberships", async () => {
    const { code, codeVerifier } = await authorizeWithPassword({
      portalUrl: sb.portalUrl,
      client,
      email: AVERY,
      password: PASSWORD,
    });
    const tokens = await exchangeCode({ portalUrl: sb.portalUrl, client, code, codeVerifier });
    const res = await fetch(`${sb.apiUrl}/api/v1/team/`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    const team = TeamResponse.parse(await res.json());
    const members = team.member_groups.flatMap((g) => g.members);
    expect(members.find((m) => m.email === AVERY)?.last_login_at).toEqual(expect.any(String));
    expect(
      members.find((m) => m.email === "casey.nguyen@harborline.example")?.last_login_at,
    ).toBeNull();
  });
});
