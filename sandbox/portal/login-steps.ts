/**
 * Log in (email + password) → Verify login (a 6-digit code "sent by SMS": the sandbox shows it
 * on the page and writes it to the outbox). Success records the login and hands oidc-provider
 * the person's id.
 */
import type { Hono } from "hono";
import type { SandboxDb } from "../db/open";
import {
  findPerson,
  findPersonByEmail,
  invitationsFor,
  membershipsOf,
  recordLogin,
} from "../directory";
import { send } from "../outbox";
import { verifyPassword } from "../passwords";
import {
  type Ctx,
  type Env,
  type Interaction,
  type InteractionKit,
  MESSAGES,
  stepPath,
} from "./interaction-kit";
import {
  clearState,
  countWrongCode,
  getState,
  MAX_CODE_ATTEMPTS,
  startVerification,
} from "./login-state";
import { loginPage, verifyPage } from "./pages";
import { INTERACTION_PATH } from "./provider";

export function loginSteps(app: Hono<Env>, o: { db: SandboxDb; kit: InteractionKit }) {
  const { db, kit } = o;

  const loginView = async (
    c: Ctx,
    details: Interaction,
    extra: { email?: string; error?: string } = {},
    status: 200 | 400 | 401 | 403 = 200,
  ) => {
    const hint = details.params.login_hint;
    return c.html(
      loginPage({
        action: stepPath(details.uid, "login"),
        abortAction: stepPath(details.uid, "abort"),
        clientName: await kit.clientName(details),
        email: extra.email ?? (typeof hint === "string" ? hint : undefined),
        error: extra.error,
      }),
      status,
    );
  };

  const verifyView = (c: Ctx, uid: string, phone: string | null, code: string, error?: string) =>
    c.html(
      verifyPage({
        action: stepPath(uid, "verify"),
        restartAction: stepPath(uid, "restart"),
        phoneHint: phone?.slice(-2) ?? "",
        code,
        error,
      }),
      error ? 401 : 200,
    );

  /** GET of a login prompt: the code step if the password step passed, else the login form. */
  async function show(c: Ctx, details: Interaction) {
    const state = await getState(db, details.uid);
    if (!state?.personId || !state.code || !state.codeExpiresAt) return loginView(c, details);
    const person = await findPerson(db, state.personId);
    if (person && state.codeExpiresAt.getTime() > Date.now()) {
      return verifyView(c, details.uid, person.phoneNumber, state.code);
    }
    await clearState(db, details.uid);
    return loginView(c, details, { email: person?.email, error: MESSAGES.codeExpired }, 401);
  }

  app.post(`${INTERACTION_PATH}/:uid/login`, async (c) => {
    const details = await kit.load(c);
    if (details.prompt.name !== "login") return c.redirect(stepPath(details.uid), 303);
    const body = await c.req.parseBody();
    const email = String(body.email ?? "").trim();
    const password = String(body.password ?? "");
    if (!email || !password) {
      return loginView(c, details, { email, error: "Enter your email and password." }, 400);
    }
    const person = await findPersonByEmail(db, email);
    // Always hash, so an unknown email takes as long as a known one.
    const passwordOk = await verifyPassword(password, person?.passwordHash ?? null);
    if (!person?.passwordHash) {
      const invited = (await invitationsFor(db, email)).some((m) => m.status === "PENDING");
      if (invited || person) {
        return loginView(c, details, { email, error: MESSAGES.pendingInvite }, 403);
      }
      return loginView(c, details, { email, error: MESSAGES.badCredentials }, 401);
    }
    if (!passwordOk) return loginView(c, details, { email, error: MESSAGES.badCredentials }, 401);
    const memberships = await membershipsOf(db, person);
    if (!memberships.some((m) => m.member.status === "ACTIVE" && m.member.personId === person.id)) {
      const deactivated = memberships.some((m) => m.member.status === "DEACTIVATED");
      const error = deactivated ? MESSAGES.deactivated : MESSAGES.pendingInvite;
      return loginView(c, details, { email, error }, 403);
    }
    const code = await startVerification(db, details.uid, person.id);
    await send(db, {
      kind: person.phoneNumber ? "sms" : "email",
      to: person.phoneNumber ?? person.email,
      subject: person.phoneNumber ? null : "Your Jiko verification code",
      body: `Your Jiko verification code is ${code}. It expires in 10 minutes.`,
    });
    return c.redirect(stepPath(details.uid), 303);
  });

  app.post(`${INTERACTION_PATH}/:uid/verify`, async (c) => {
    const details = await kit.load(c);
    const state = await getState(db, details.uid);
    if (details.prompt.name !== "login" || !state?.personId || !state.code) {
      return c.redirect(stepPath(details.uid), 303);
    }
    const person = await findPerson(db, state.personId);
    if (!person || !state.codeExpiresAt || state.codeExpiresAt.getTime() <= Date.now()) {
      await clearState(db, details.uid);
      return loginView(c, details, { email: person?.email, error: MESSAGES.codeExpired }, 401);
    }
    const body = await c.req.parseBody();
    const entered = String(body.code ?? "").replace(/\s+/g, "");
    if (entered !== state.code) {
      const attempts = state.attempts + 1;
      if (attempts >= MAX_CODE_ATTEMPTS) {
        await clearState(db, details.uid);
        return loginView(c, details, { email: person.email, error: MESSAGES.tooManyCodes }, 401);
      }
      await countWrongCode(db, details.uid, attempts);
      return verifyView(c, details.uid, person.phoneNumber, state.code, MESSAGES.wrongCode);
    }
    await clearState(db, details.uid);
    await recordLogin(db, person.id);
    return kit.finish(c, { login: { accountId: person.id, amr: ["pwd", "sms"], remember: true } });
  });

  app.post(`${INTERACTION_PATH}/:uid/restart`, async (c) => {
    const details = await kit.load(c);
    await clearState(db, details.uid);
    return c.redirect(stepPath(details.uid), 303);
  });

  app.post(`${INTERACTION_PATH}/:uid/abort`, async (c) => {
    const details = await kit.load(c);
    await clearState(db, details.uid);
    return kit.finish(c, {
      error: "access_denied",
      error_description: "The person cancelled the sign-in.",
    });
  });

  return { show };
}
