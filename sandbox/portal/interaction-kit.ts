/**
 * What every interaction step shares: the messages people see, the current interaction of this
 * browser (checked against the uid in the URL), and handing a result back to oidc-provider.
 */
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import { errors, type InteractionResults, type default as Provider } from "oidc-provider";
import { INTERACTION_PATH } from "./provider";

export type Env = { Bindings: HttpBindings };
export type Ctx = Context<Env>;
export type Interaction = Awaited<ReturnType<Provider["interactionDetails"]>>;

export const MESSAGES = {
  badCredentials: "Incorrect email or password.",
  deactivated: "This account has been deactivated. Ask an admin of your team to restore access.",
  pendingInvite:
    "This invitation has not been accepted yet. Accept the invitation Jiko emailed you and set a password, then sign in.",
  wrongCode: "That code is not correct. Check it and try again.",
  tooManyCodes: "Too many incorrect codes. Sign in again to get a new code.",
  codeExpired: "That code has expired. Sign in again to get a new code.",
  mustAgree: "To grant access, tick the box to agree to Jiko's Privacy Policy and Terms of Use.",
  noSuchTeam:
    "Your Jiko login is not an active member of the team this application asked for. Go back to the application and choose another team, or ask an admin of that team for access.",
} as const;

/** `/interaction/<uid>` and its step URLs. */
export const stepPath = (uid: string, step = "") =>
  `${INTERACTION_PATH}/${uid}${step ? `/${step}` : ""}`;

export function interactionKit(provider: Provider) {
  return {
    async load(c: Ctx): Promise<Interaction> {
      const details = await provider.interactionDetails(c.env.incoming, c.env.outgoing);
      if (details.uid !== c.req.param("uid")) {
        throw new errors.SessionNotFound("interaction mismatch");
      }
      return details;
    },

    async clientName(details: Interaction): Promise<string> {
      const client = await provider.Client.find(String(details.params.client_id));
      return client?.clientName ?? String(details.params.client_id);
    },

    /** Stores the step's result and sends the browser back to the authorization endpoint. */
    async finish(c: Ctx, result: InteractionResults) {
      const returnTo = await provider.interactionResult(c.env.incoming, c.env.outgoing, result);
      return c.redirect(returnTo, 303);
    },
  };
}

export type InteractionKit = ReturnType<typeof interactionKit>;
