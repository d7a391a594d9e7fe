/**
 * `/_sandbox/oauth-clients`: registers an OAuth client with its public key the way Jiko's portal
 * Settings page does (private_key_jwt only, PS256 or EdDSA), for the seeded Harborline team unless
 * another team is named. Emulator-only route, absent at Jiko.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import type { default as Provider } from "oidc-provider";
import { z } from "zod";
import { SCOPES } from "../../lib/jiko/scopes";
import type { SandboxDb } from "../db/open";
import { oauthClients, teams } from "../db/schema";
import { jsonDecodeDetail, NOT_FOUND, validationDetail } from "../http/errors";
import { SEED } from "../seed";

const KNOWN_SCOPES = new Set<string>(SCOPES);

/** Public keys only; RSA for PS256, Ed25519 for EdDSA (Jiko's two client-assertion algorithms). */
const PublicJwk = z
  .looseObject({
    kty: z.enum(["RSA", "OKP"]),
    kid: z.string().min(1).optional(),
    alg: z.enum(["PS256", "EdDSA", "Ed25519"]).optional(),
    use: z.literal("sig").optional(),
    crv: z.string().optional(),
  })
  .refine((k) => !("d" in k || "p" in k), { message: "Register the public key only" })
  .refine((k) => k.kty !== "OKP" || k.crv === "Ed25519", {
    message: "OKP keys must use the Ed25519 curve",
  });

export const RegisterClientBody = z
  .object({
    /** Sandbox extension: choose the id (e.g. to keep it stable across resets). */
    client_id: z
      .string()
      .regex(/^[A-Za-z0-9._~-]{8,128}$/, "8–128 characters: letters, digits, . _ ~ -")
      .optional(),
    client_name: z.string().trim().min(1).max(200),
    redirect_uris: z.array(z.url({ protocol: /^https?$/ })).default([]),
    scope: z
      .string()
      .trim()
      .min(1)
      .refine((s) => s.split(/\s+/).every((x) => KNOWN_SCOPES.has(x)), {
        message: "Unknown scope: use the scopes of Jiko's discovery document",
      }),
    grant_types: z
      .array(z.enum(["authorization_code", "refresh_token", "client_credentials"]))
      .min(1),
    jwks: z.object({ keys: z.array(PublicJwk).min(1) }),
    team_id: z.uuid().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.grant_types.includes("authorization_code") && b.redirect_uris.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["redirect_uris"],
        message: "An authorization-code client needs at least one redirect URI",
      });
    }
    if (b.grant_types.includes("refresh_token") && !b.grant_types.includes("authorization_code")) {
      ctx.addIssue({
        code: "custom",
        path: ["grant_types"],
        message: "refresh_token is only issued with authorization_code",
      });
    }
  });

type Row = typeof oauthClients.$inferSelect;

function view(row: Row) {
  const m = row.metadata as Record<string, unknown>;
  return {
    client_id: row.clientId,
    client_name: m.client_name,
    redirect_uris: m.redirect_uris,
    scope: m.scope,
    grant_types: m.grant_types,
    team_id: row.teamId,
    token_endpoint_auth_method: "private_key_jwt" as const,
  };
}

export function clientRoutes(o: { provider: Provider; db: SandboxDb }) {
  const { provider, db } = o;
  const app = new Hono();

  app.post("/_sandbox/oauth-clients", async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json({ detail: jsonDecodeDetail() }, 422);
    }
    const parsed = RegisterClientBody.safeParse(raw, { reportInput: true });
    if (!parsed.success) return c.json({ detail: validationDetail(parsed.error, "body") }, 422);
    const b = parsed.data;

    const teamId = b.team_id ?? SEED.teams.us;
    const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
    if (!team) {
      return c.json(
        {
          detail: [
            { loc: ["body", "team_id"], msg: "Team not found", type: "value_error", input: teamId },
          ],
        },
        422,
      );
    }
    const clientId = b.client_id ?? randomUUID();
    const metadata = {
      client_id: clientId,
      client_name: b.client_name,
      redirect_uris: b.redirect_uris,
      grant_types: b.grant_types,
      response_types: b.grant_types.includes("authorization_code") ? ["code"] : [],
      scope: b.scope.split(/\s+/).join(" "),
      jwks: b.jwks,
      token_endpoint_auth_method: "private_key_jwt",
    };
    try {
      // oidc-provider's own checks (redirect URIs, keys…) before anything is stored.
      await provider.Client.validate(metadata as Parameters<typeof provider.Client.validate>[0]);
    } catch (err) {
      const msg = (err as { error_description?: string }).error_description ?? String(err);
      return c.json({ detail: [{ loc: ["body"], msg, type: "value_error" }] }, 422);
    }
    const inserted = await db
      .insert(oauthClients)
      .values({ clientId, teamId, metadata })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) return c.json({ detail: "Client already exists" }, 409);
    return c.json(view(inserted[0]!), 201);
  });

  app.get("/_sandbox/oauth-clients/:clientId", async (c) => {
    const [row] = await db
      .select()
      .from(oauthClients)
      .where(eq(oauthClients.clientId, c.req.param("clientId")));
    return row ? c.json(view(row)) : c.json(NOT_FOUND, 404);
  });

  return app;
}
