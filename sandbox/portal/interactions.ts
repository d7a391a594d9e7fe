/**
 * The portal's interaction pages, in Jiko's order: Log in → Verify login → (team choice) →
 * consent. oidc-provider decides which prompt is pending; each step hands it a result and sends
 * the browser back with 303 See Other.
 */
import { Hono } from "hono";
import { errors, type default as Provider } from "oidc-provider";
import type { SandboxDb } from "../db/open";
import type { Logger } from "../log";
import { consentSteps } from "./consent-steps";
import { type Env, interactionKit } from "./interaction-kit";
import { loginSteps } from "./login-steps";
import { errorPage } from "./pages";
import { INTERACTION_PATH } from "./provider";

export { MESSAGES } from "./interaction-kit";

export function interactionRoutes(o: { provider: Provider; db: SandboxDb; log: Logger }) {
  const app = new Hono<Env>();
  const kit = interactionKit(o.provider);
  const login = loginSteps(app, { db: o.db, kit });
  const consent = consentSteps(app, { ...o, kit });

  app.get(`${INTERACTION_PATH}/:uid`, async (c) => {
    const details = await kit.load(c);
    if (details.prompt.name === "login") return login.show(c, details);
    if (details.prompt.name === "consent") return consent.show(c, details);
    return c.html(
      errorPage({ title: "Unsupported step", message: `Unknown prompt ${details.prompt.name}.` }),
      400,
    );
  });

  app.onError((err, c) => {
    if (err instanceof errors.SessionNotFound) {
      return c.html(
        errorPage({
          title: "This sign-in has expired",
          message:
            "We could not find this sign-in request. It may have expired or been completed already. Go back to the application and sign in again.",
        }),
        400,
      );
    }
    o.log.error({ err }, "portal interaction failed");
    return c.html(
      errorPage({
        title: "Something went wrong",
        message: "Go back to the application and try again.",
      }),
      500,
    );
  });

  return app;
}
