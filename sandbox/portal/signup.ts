/**
 * Accepting an invitation: `/signup/<token>` (the link in the invitation email). New people choose
 * a password (12+ characters, typed twice), everyone confirms the invited phone with a 6-digit SMS
 * code (shown on the page, kept in the outbox), then the membership becomes ACTIVE. A cancelled,
 * superseded, used or expired link answers 410. The token in the URL is the only credential.
 */
import { randomInt } from "node:crypto";
import type { Context } from "hono";
import { Hono } from "hono";
import { ROLE_LABELS, type Role } from "../../lib/jiko/roles";
import type { SandboxDb } from "../db/open";
import { send } from "../outbox";
import { hashPassword } from "../passwords";
import { type InvitationLookup, joinTeam, lookupInvitation, updateSignup } from "../team-admin";
import { CODE_TTL_MS, MAX_CODE_ATTEMPTS } from "./login-state";
import { errorPage, signupDonePage, signupPage, signupVerifyPage } from "./pages";

export const SIGNUP_PATH = "/signup";
export const MIN_PASSWORD_LENGTH = 12;

export const SIGNUP_MESSAGES = {
  noPassword: "Enter a password.",
  tooShort: `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`,
  mismatch: "The two passwords do not match. Type the same password in both fields.",
  wrongCode: "That code is not correct. Check it and try again.",
  tooManyCodes: "Too many incorrect codes. Continue to get a new code.",
  codeExpired: "That code has expired. Continue to get a new code.",
  invalid: (team: string) =>
    `This invitation is no longer valid. Ask an admin of ${team} to send a new one.`,
  unknown:
    "This invitation link is not valid. Check the link in your email, or ask an admin of your team to send a new one.",
} as const;

type Ok = Extract<InvitationLookup, { kind: "ok" }>;

export function signupRoutes(o: { db: SandboxDb }) {
  const { db } = o;
  const app = new Hono();
  const path = (token: string, step = "") =>
    `${SIGNUP_PATH}/${encodeURIComponent(token)}${step ? `/${step}` : ""}`;

  /** The invitation, or the page that says why the link is dead. */
  async function load(c: Context): Promise<Ok | Response> {
    const found = await lookupInvitation(db, c.req.param("token") ?? "");
    if (found.kind === "unknown") {
      return c.html(
        errorPage({ title: "Invitation not found", message: SIGNUP_MESSAGES.unknown }),
        404,
      );
    }
    if (found.kind === "invalid") {
      return c.html(
        errorPage({
          title: "Invitation no longer valid",
          message: SIGNUP_MESSAGES.invalid(found.team.name),
        }),
        410,
      );
    }
    return found;
  }

  const startView = (c: Context, inv: Ok, error?: string, status: 200 | 400 | 401 = 200) =>
    c.html(
      signupPage({
        action: path(c.req.param("token") ?? ""),
        teamName: inv.team.name,
        name: `${inv.member.firstName} ${inv.member.lastName}`.trim(),
        email: inv.member.email,
        roleLabel: ROLE_LABELS[inv.member.role as Role] ?? inv.member.role,
        needsPassword: !inv.hasLogin,
        error,
      }),
      status,
    );

  const verifyView = (c: Context, inv: Ok, code: string, error?: string) =>
    c.html(
      signupVerifyPage({
        action: path(c.req.param("token") ?? "", "verify"),
        restartAction: path(c.req.param("token") ?? "", "restart"),
        phoneHint: inv.member.phoneNumber?.slice(-2) ?? "",
        code,
        error,
      }),
      error ? 401 : 200,
    );

  const codeLive = (inv: Ok) =>
    Boolean(inv.invitation.code && inv.invitation.codeExpiresAt) &&
    inv.invitation.codeExpiresAt!.getTime() > Date.now();

  app.get(`${SIGNUP_PATH}/:token`, async (c) => {
    const inv = await load(c);
    if (inv instanceof Response) return inv;
    if (codeLive(inv)) return verifyView(c, inv, inv.invitation.code!);
    return startView(c, inv);
  });

  // Step 1: the password (new people only), then a code to the invited phone.
  app.post(`${SIGNUP_PATH}/:token`, async (c) => {
    const inv = await load(c);
    if (inv instanceof Response) return inv;
    let passwordHash: string | null = null;
    if (!inv.hasLogin) {
      const body = await c.req.parseBody();
      const password = String(body.password ?? "");
      const confirm = String(body.confirm_password ?? "");
      if (!password) return startView(c, inv, SIGNUP_MESSAGES.noPassword, 400);
      if (password.length < MIN_PASSWORD_LENGTH) {
        return startView(c, inv, SIGNUP_MESSAGES.tooShort, 400);
      }
      if (password !== confirm) return startView(c, inv, SIGNUP_MESSAGES.mismatch, 400);
      passwordHash = await hashPassword(password);
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    await updateSignup(db, inv.invitation.id, {
      passwordHash,
      code,
      codeExpiresAt: new Date(Date.now() + CODE_TTL_MS),
      attempts: 0,
    });
    const phone = inv.member.phoneNumber;
    await send(db, {
      kind: phone ? "sms" : "email",
      to: phone ?? inv.member.email,
      subject: phone ? null : "Your Jiko verification code",
      body: `Your Jiko verification code is ${code}. It expires in 10 minutes.`,
    });
    return c.redirect(path(c.req.param("token") ?? ""), 303);
  });

  // Step 2: the phone code; success joins the team.
  app.post(`${SIGNUP_PATH}/:token/verify`, async (c) => {
    const inv = await load(c);
    if (inv instanceof Response) return inv;
    const reset = { code: null, codeExpiresAt: null, attempts: 0, passwordHash: null };
    if (!inv.invitation.code) return c.redirect(path(c.req.param("token") ?? ""), 303);
    if (!codeLive(inv)) {
      await updateSignup(db, inv.invitation.id, reset);
      return startView(c, inv, SIGNUP_MESSAGES.codeExpired, 401);
    }
    const entered = String((await c.req.parseBody()).code ?? "").replace(/\s+/g, "");
    if (entered !== inv.invitation.code) {
      const attempts = inv.invitation.attempts + 1;
      if (attempts >= MAX_CODE_ATTEMPTS) {
        await updateSignup(db, inv.invitation.id, reset);
        return startView(c, inv, SIGNUP_MESSAGES.tooManyCodes, 401);
      }
      await updateSignup(db, inv.invitation.id, { attempts });
      return verifyView(c, inv, inv.invitation.code, SIGNUP_MESSAGES.wrongCode);
    }
    const member = await joinTeam(db, inv.invitation.id);
    return c.html(
      signupDonePage({ teamName: inv.team.name, email: member.email, newLogin: !inv.hasLogin }),
    );
  });

  app.post(`${SIGNUP_PATH}/:token/restart`, async (c) => {
    const inv = await load(c);
    if (inv instanceof Response) return inv;
    await updateSignup(db, inv.invitation.id, {
      code: null,
      codeExpiresAt: null,
      attempts: 0,
      passwordHash: null,
    });
    return c.redirect(path(c.req.param("token") ?? ""), 303);
  });

  return app;
}
